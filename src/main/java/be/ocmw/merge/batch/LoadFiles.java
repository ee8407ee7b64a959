package be.ocmw.merge.batch;

import be.ocmw.merge.audit.ReasonJson;
import be.ocmw.merge.domain.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/** The files of a load or intake job instance, kept in the database so a resumed run knows them. */
@Component
public class LoadFiles {

    private final JdbcClient jdbc;

    LoadFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a file once per job instance and returns its id; a resumed run registering it again changes nothing. */
    public long register(long jobInstance, long run, String kind, Path path, String name, String kbo, String domain,
                         String sha256) {
        return jdbc.sql("""
                        insert into load_file (job_instance_id, run_id, kind, path, name, kbo, domain, content_sha256)
                        values (:jobInstance, :run, :kind, :path, :name, :kbo, :domain, :sha)
                        on conflict (job_instance_id, path) do update set path = excluded.path
                        returning id""")
                .param("jobInstance", jobInstance).param("run", run).param("kind", kind)
                .param("path", path.toAbsolutePath().toString()).param("name", name).param("kbo", kbo)
                .param("domain", domain).param("sha", sha256)
                .query(Long.class).single();
    }

    /** Refuses a file whole: nothing from it will be loaded. {@code problem} is the console's English. */
    public void reject(long id, String problem, Reason reason) {
        jdbc.sql("""
                        update load_file set status = 'REJECTED', problem = :problem, problem_words = cast(:words as jsonb)
                        where id = :id""")
                .param("problem", problem).param("words", ReasonJson.write(reason)).param("id", id).update();
    }

    public void opened(long id, int headerRow, List<String> ignoredColumns, List<String> passwordColumns) {
        jdbc.sql("update load_file set header_row = :row, ignored_columns = :ignored, password_columns = :passwords where id = :id")
                .param("row", headerRow)
                .param("ignored", ignoredColumns.isEmpty() ? null : String.join(", ", ignoredColumns))
                .param("passwords", passwordColumns.isEmpty() ? null : String.join(", ", passwordColumns))
                .param("id", id).update();
    }

    public void setKbo(long id, String kbo) {
        jdbc.sql("update load_file set kbo = :kbo where id = :id").param("kbo", kbo).param("id", id).update();
    }

    /** Attaches what a file says about itself (the OCMW sheet of a submission), as JSON. */
    public void describe(long id, String json) {
        jdbc.sql("update load_file set meta = cast(:meta as jsonb) where id = :id").param("meta", json).param("id", id).update();
    }

    public void finished(long id, int lastRow) {
        jdbc.sql("update load_file set last_row = :row where id = :id").param("row", lastRow).param("id", id).update();
    }

    public List<LoadFile> pending(long jobInstance, String kind) {
        return query("where job_instance_id = :jobInstance and kind = :kind and status = 'PENDING' order by id",
                jobInstance, kind);
    }

    public List<LoadFile> all(long jobInstance, String kind) {
        return query("where job_instance_id = :jobInstance and kind = :kind order by id", jobInstance, kind);
    }

    /** The report of a load: its files, the first rejected rows (in the order found), and how many there are. */
    public LoadReport report(String what, long jobInstance, String kind, boolean alreadyLoaded, int firstRejections) {
        List<Rejection> rejections = jdbc.sql("""
                        select source_file, sheet, row_number, column_name, reason, reason_words, kbo from rejected_row
                        where job_instance_id = :ji order by source_file, sheet, row_number limit :limit""")
                .param("ji", jobInstance).param("limit", firstRejections)
                .query(LoadFiles::rejection)
                .list();
        int count = jdbc.sql("select count(*) from rejected_row where job_instance_id = :ji").param("ji", jobInstance)
                .query(Integer.class).single();
        return new LoadReport(what, jobInstance, all(jobInstance, kind), rejections, count, alreadyLoaded);
    }

    /** Every rejected row of a job instance, in file and row order. */
    public List<Rejection> rejections(long jobInstance) {
        return jdbc.sql("""
                        select source_file, sheet, row_number, column_name, reason, reason_words, kbo from rejected_row
                        where job_instance_id = :ji order by source_file, sheet, row_number""")
                .param("ji", jobInstance)
                .query(LoadFiles::rejection)
                .list();
    }

    /**
     * The rejected rows of the submissions of a merger and of the input files of its organisations ({@code kbos}), in
     * file and row order: so that they can be sent back and corrected.
     */
    public List<Rejection> rejectionsOf(String merger, List<String> kbos) {
        return jdbc.sql("""
                        select source_file, sheet, row_number, column_name, reason, reason_words, kbo from rejected_row
                        where merger_id = :merger or kbo = any(:kbos) order by source_file, sheet, row_number""")
                .param("merger", merger).param("kbos", kbos.toArray(String[]::new))
                .query(LoadFiles::rejection)
                .list();
    }

    private static Rejection rejection(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Rejection(rs.getString("source_file"), rs.getString("sheet"), rs.getInt("row_number"),
                rs.getString("column_name"), ReasonJson.read(rs.getString("reason_words"), rs.getString("reason")),
                rs.getString("kbo"));
    }

    private List<LoadFile> query(String where, long jobInstance, String kind) {
        return jdbc.sql("select * from load_file " + where)
                .param("jobInstance", jobInstance).param("kind", kind)
                .query((rs, n) -> {
                    return new LoadFile(rs.getLong("id"), rs.getString("kind"), Path.of(rs.getString("path")),
                            rs.getString("name"),
                            rs.getString("kbo"), rs.getString("domain"), rs.getString("content_sha256"),
                            rs.getString("status"), rs.getString("problem"),
                            ReasonJson.read(rs.getString("problem_words"), rs.getString("problem")), (Integer) rs.getObject("header_row"),
                            (Integer) rs.getObject("last_row"), rs.getString("ignored_columns"),
                            rs.getInt("rows_accepted"), rs.getInt("rows_rejected"), rs.getInt("rows_inserted"),
                            rs.getInt("rows_updated"), rs.getInt("rows_removed"), rs.getString("password_columns"),
                            (Long) rs.getObject("snapshot_id"));
                })
                .list();
    }
}
