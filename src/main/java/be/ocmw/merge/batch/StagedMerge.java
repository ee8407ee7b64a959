package be.ocmw.merge.batch;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last step of a one-file load, the same for every kind (dossiers, OCMW Online requests): forget a file refused
 * whole, refuse later duplicates of a key, count what the file brought, then merge the staged rows into the live
 * table in set-based statements: a new key is inserted, a known one whose content changed is updated, each with its
 * audit row (before and after), an unchanged one is left alone. Loading the same file twice therefore changes nothing.
 * The statements are written once, from the table's {@link LiveTable description}.
 */
public final class StagedMerge implements JobTasklet {

    /** How a kind refuses a key that an earlier row already has (see {@link StagedRows#refuseDuplicates}). */
    public record Duplicates(String key, String column, String reason, String kboColumn, String sheet, String reasonKey) {
    }

    private final JdbcClient jdbc;
    private final StagedRows staged;
    private final LiveTable table;
    private final Duplicates duplicates;
    private final boolean analyze;

    /** @param analyze whether fresh statistics are taken after the load (a large table a plan selects from) */
    public StagedMerge(JdbcClient jdbc, StagedRows staged, LiveTable table, Duplicates duplicates, boolean analyze) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.table = table;
        this.duplicates = duplicates;
        this.analyze = analyze;
    }

    @Override
    public void execute(RunningJob job, StepContribution contribution) {
        long jobInstance = job.jobInstance();
        long run = job.run();

        staged.dropRefusedFiles(jobInstance, table.staging());
        staged.refuseDuplicates(jobInstance, run, table.staging(), duplicates.key(), duplicates.column(),
                duplicates.reason(), duplicates.kboColumn(), duplicates.sheet(), duplicates.reasonKey());
        staged.countRows(jobInstance, table.staging());
        int updated = count(updateStatement(), jobInstance, run);
        int inserted = count(insertStatement(), jobInstance, run);
        // a load of this kind is one file: the counts of its statements are the file's
        jdbc.sql("update load_file set rows_updated = :updated, rows_inserted = :inserted where job_instance_id = :ji and status = 'PENDING'")
                .param("updated", updated).param("inserted", inserted).param("ji", jobInstance).update();
        staged.auditFiles(jobInstance, run);
        // what the step did, as the dashboard's progress shows it: rows that came in or changed
        contribution.incrementWriteCount(inserted + updated);
        staged.finish(jobInstance, table.staging());
        if (analyze) {
            // fresh statistics after a large load: the plan's selection must not be planned for an empty table
            jdbc.sql("analyze " + table.name()).update();
        }
    }

    private int count(String statement, long jobInstance, long run) {
        return jdbc.sql(statement).param("ji", jobInstance).param("run", run).query(Integer.class).single();
    }

    private String incoming() {
        return "with incoming as (select s.* from " + table.staging() + " s join load_file f on f.id = s.load_file_id"
                + " where f.job_instance_id = :ji and f.status = 'PENDING')";
    }

    /** The known rows whose content the pending file changes, updated, each with its audit row. */
    String updateStatement() {
        String set = table.values().stream().map(v -> v + " = c." + v).reduce((a, b) -> a + ", " + b).orElseThrow()
                + (table.updatedBy() == null ? "" : ", " + table.updatedBy() + " = :run");
        return incoming() + """
                , changed as (
                    select t.id, i.load_file_id, %s, %s as before
                    from %s t join incoming i on %s
                    where (%s) is distinct from (%s)
                ), updated as (
                    update %s t set %s from changed c where t.id = c.id
                    returning %s, c.before, c.load_file_id
                ), audited as (
                    insert into audit_entry (run_id, table_name, row_key, action, before, after)
                    select :run, '%s', %s, 'UPDATE', before, %s from updated
                )
                select count(*) from updated
                """.formatted(table.valuesOf("i"), table.asJson("t"), table.name(),
                table.keysEqual("t", "i"), table.valuesOf("t"), table.valuesOf("i"), table.name(), set,
                table.allOf("t"), table.name(), table.rowKey(), table.asJson(""));
    }

    /** The rows of the pending file that are not there yet, inserted, each with its audit row. */
    String insertStatement() {
        boolean stamped = table.createdBy() != null;
        return incoming() + """
                , inserted as (
                    insert into %s (%s%s)
                    select %s%s from incoming i
                    where not exists (select 1 from %s t where %s)
                    returning %s
                ), audited as (
                    insert into audit_entry (run_id, table_name, row_key, action, after)
                    select :run, '%s', %s, 'INSERT', %s from inserted
                )
                select count(*) from inserted
                """.formatted(table.name(), table.allOf(""), stamped ? ", " + table.createdBy() : "",
                table.allOf("i"), stamped ? ", :run" : "", table.name(), table.keysEqual("t", "i"), table.allOf(""),
                table.name(), table.rowKey(), table.asJson(""));
    }
}
