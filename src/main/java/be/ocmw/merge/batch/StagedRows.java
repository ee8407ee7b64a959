package be.ocmw.merge.batch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Housekeeping around staged rows that every merge step does: forget what came from files refused
 * whole, refuse later duplicates of a key, count what each file contributed.
 */
@Component
public class StagedRows {

    private final JdbcClient jdbc;

    StagedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A file refused whole contributes nothing: neither its staged rows nor its row rejections. */
    public void dropRefusedFiles(long jobInstance, String stagingTable) {
        jdbc.sql("delete from " + stagingTable + " s using load_file f where s.load_file_id = f.id "
                        + "and f.job_instance_id = :ji and f.status = 'REJECTED'")
                .param("ji", jobInstance).update();
        forgetRejectionsOfRefusedFiles(jobInstance);
    }

    /** A file refused whole reports no row rejections: its refusal is the one thing to say about it. */
    public void forgetRejectionsOfRefusedFiles(long jobInstance) {
        jdbc.sql("delete from rejected_row r using load_file f where r.job_instance_id = f.job_instance_id "
                        + "and r.source_file = f.name and f.job_instance_id = :ji and f.status = 'REJECTED'")
                .param("ji", jobInstance).update();
    }

    /**
     * Refuses every staged row whose key an earlier row (in file order, then row order) already has, and
     * removes it from the staging table.
     *
     * @param key      SQL expression over the staged row {@code s} that must be unique
     * @param column   the column to name in the rejection
     * @param reason   SQL expression for the reason; it may use the staged columns, {@code first_row} and
     *                 {@code first_file} (where the key was first seen) and {@code file_name}
     * @param kbo      SQL expression for the KBO the rejection concerns ({@code file_kbo} or a staged column)
     * @param words    the reason's message key: {@code reason.<words>} with the row's reference and KBO, the first row
     *                 and its file; {@code reason.<words>.other_file} when that row is in another file
     */
    public void refuseDuplicates(long jobInstance, long run, String stagingTable, String key, String column,
                                 String reason, String kbo, String sheet, String words) {
        jdbc.sql("""
                        with ranked as (
                            select s.*, f.name as file_name, f.kbo as file_kbo,
                                   first_value(s.source_row) over w as first_row,
                                   first_value(f.name) over w as first_file,
                                   row_number() over w as n
                            from %1$s s join load_file f on f.id = s.load_file_id
                            where f.job_instance_id = :ji and f.status = 'PENDING'
                            window w as (partition by %2$s order by f.id, s.source_row)
                        ), refused as (
                            insert into rejected_row (run_id, job_instance_id, source_file, sheet, row_number, column_name, reason,
                                                      reason_words, kbo)
                            select :run, :ji, file_name, :sheet, source_row, :column, %3$s,
                                   jsonb_build_object('key', :words || case when first_file <> file_name then '.other_file' else '' end,
                                                      'args', jsonb_build_array(reference, kbo, cast(first_row as text), first_file)),
                                   %4$s
                            from ranked where n > 1
                            on conflict do nothing
                        )
                        delete from %1$s s using ranked r
                        where s.load_file_id = r.load_file_id and s.source_row = r.source_row and r.n > 1
                        """.formatted(stagingTable, key, reason, kbo))
                .param("ji", jobInstance).param("run", run).param("column", column).param("sheet", sheet)
                .param("words", words)
                .update();
    }

    /** Sets each pending file's accepted and rejected counts from what is staged (in these tables) and what was refused. */
    public void countRows(long jobInstance, String... stagingTables) {
        String accepted = String.join(" + ", java.util.Arrays.stream(stagingTables)
                .map(table -> "(select count(*) from " + table + " s where s.load_file_id = f.id)").toList());
        jdbc.sql("""
                        update load_file f set
                            rows_accepted = %s,
                            rows_rejected = (select count(*) from rejected_row r
                                             where r.job_instance_id = f.job_instance_id and r.source_file = f.name)
                        where f.job_instance_id = :ji and f.status = 'PENDING'
                        """.formatted(accepted))
                .param("ji", jobInstance).update();
    }

    /** The audit row of each file the load takes in: what it was, its digest, and what it added and changed. */
    public void auditFiles(long jobInstance, long run) {
        jdbc.sql("""
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'load_file', name, 'INSERT',
                               jsonb_build_object('file', path, 'sha256', content_sha256, 'inserted', rows_inserted,
                                                  'updated', rows_updated, 'accepted', rows_accepted, 'rejected', rows_rejected)
                        from load_file where job_instance_id = :ji and status = 'PENDING'
                        """)
                .param("ji", jobInstance).param("run", run).update();
    }

    /** Marks the pending files loaded and empties their staging rows. */
    public void finish(long jobInstance, String stagingTable) {
        jdbc.sql("update load_file set status = 'LOADED' where job_instance_id = :ji and status = 'PENDING'")
                .param("ji", jobInstance).update();
        jdbc.sql("delete from " + stagingTable + " s using load_file f where s.load_file_id = f.id and f.job_instance_id = :ji")
                .param("ji", jobInstance).update();
    }
}
