package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.merger.ApplyParameters;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/**
 * Closes and reopens a chunk of one source OCMW's planned dossiers (a range of dossier ids) in one
 * statement, in the chunk's transaction: the dossier gets end date C, its successor under the target starts
 * on E with the same type and INSZ, the original end date and a link to it; an audit row for each. Only a
 * dossier that is still running is closed and only a closed one reopened, in the same statement, so a
 * replayed chunk does nothing twice and a dossier is never reopened twice (predecessor is unique: a second
 * reopening would fail the chunk, not pass silently). The audit rows are written from what was closed,
 * not by joining the inserted rows back (a join of two CTEs without statistics can go quadratic).
 */
public class DossierWriter implements ItemWriter<Long> {

    private final JdbcClient jdbc;
    private final long plan;
    private final String sourceKbo;
    private final String targetKbo;
    private final LocalDate closeDate;
    private final LocalDate effectiveDate;
    private final long run;

    /** @param sourceKbo the OCMW whose dossiers this writer's partition closes */
    public DossierWriter(JdbcClient jdbc, ApplyParameters apply, String sourceKbo) {
        this.jdbc = jdbc;
        this.plan = apply.changes();
        this.sourceKbo = sourceKbo;
        this.targetKbo = apply.target();
        this.closeDate = apply.closeDate();
        this.effectiveDate = apply.effectiveDate();
        this.run = apply.run();
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        jdbc.sql("""
                        with items as (
                            select dossier_id, original_end_date, successor_reference from plan_dossier
                            where plan_id = :plan and source_kbo = :source and dossier_id between :from and :to
                        ), closed as (
                            update dossier d set end_date = :close, updated_by_run = :run
                            from items i
                            where d.id = i.dossier_id and (d.end_date is null or d.end_date > :close)
                            returning d.id, d.kbo, d.reference, d.type, d.insz, i.original_end_date, i.successor_reference
                        ), reopened as (
                            insert into dossier (kbo, reference, type, insz, start_date, end_date, predecessor_id, created_by_run)
                            select :target, successor_reference, type, insz, :effective, original_end_date, id, :run
                            from closed where successor_reference is not null
                        ), closings as (
                            insert into audit_entry (run_id, table_name, row_key, action, before, after)
                            select :run, 'dossier', kbo || '/' || reference, 'UPDATE',
                                   jsonb_build_object('end_date', original_end_date),
                                   jsonb_build_object('end_date', cast(:close as date),
                                                      'successor', case when successor_reference is null then null
                                                                        else :target || '/' || successor_reference end)
                            from closed
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'dossier', :target || '/' || successor_reference, 'INSERT',
                               jsonb_build_object('kbo', cast(:target as text), 'reference', successor_reference, 'type', type,
                                                  'insz', insz, 'start_date', cast(:effective as date),
                                                  'end_date', original_end_date, 'predecessor', kbo || '/' || reference)
                        from closed where successor_reference is not null""")
                .param("plan", plan).param("source", sourceKbo).param("target", targetKbo)
                .param("from", chunk.getItems().get(0)).param("to", chunk.getItems().get(chunk.size() - 1))
                .param("close", closeDate).param("effective", effectiveDate).param("run", run)
                .update();
    }
}
