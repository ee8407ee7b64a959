package be.ocmw.merge.dossiers;

import be.ocmw.merge.audit.AuditTrail;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a dossier went in a merger, from what the engine stored: the dossier and its predecessor or successor, the
 * stored plan that lists it, the runs and audit rows that closed and reopened it. Never computed again: what the plan
 * will do is read from the plan's rows, what was done from the dossiers and the audit trail.
 */
@Component
public class DossierStory {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DossierStory(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The explanation: the dossier as stored, what happened to it in words, and its audit rows. */
    public record Explanation(DossierRef dossier, String type, LocalDate start, LocalDate end, List<Reason> story,
                              List<AuditTrail.Entry> audit) {
    }

    private record Row(long id, String kbo, String reference, String type, LocalDate start, LocalDate end,
                       Long predecessor, Long createdByRun) {

        DossierRef ref() {
            return new DossierRef(kbo, reference);
        }
    }

    /** Empty when there is no such dossier; {@code plan} the merger's latest stored plan (null: none). */
    public Optional<Explanation> explain(Merger merger, DossierRef ref, Long plan) {
        Optional<Row> found = row("d.kbo = :kbo and d.reference = :reference", ref.kbo(), ref.reference(), null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row dossier = found.get();
        List<Reason> story = new ArrayList<>();
        Optional<Row> successor = row("d.predecessor_id = :id", null, null, dossier.id());
        Optional<Row> predecessor = dossier.predecessor() == null ? Optional.empty()
                : row("d.id = :id", null, null, dossier.predecessor());
        String target = merger.target().kbo().formatted();
        if (successor.isPresent()) {
            Row next = successor.get();
            story.add(Reason.of("explain.dossier.reopened", ref.label(), dossier.end(), next.ref().label(), next.start(),
                    next.createdByRun()));
        } else if (predecessor.isPresent()) {
            Row before = predecessor.get();
            story.add(Reason.of("explain.dossier.continues", ref.label(), before.ref().label(), before.end(), dossier.start(),
                    dossier.createdByRun()));
        } else {
            story.add(planned(merger, dossier, plan, target));
        }
        // its own audit rows and those of the dossier it continues or that continues it, in the order they were written
        List<AuditTrail.Entry> rows = new ArrayList<>(audit.of("dossier", dossier.kbo() + "/" + dossier.reference()));
        successor.or(() -> predecessor).ifPresent(linked -> rows.addAll(audit.of("dossier", linked.kbo() + "/" + linked.reference())));
        rows.sort(java.util.Comparator.comparingLong(AuditTrail.Entry::id));
        return Optional.of(new Explanation(ref, dossier.type(), dossier.start(), dossier.end(), story, rows));
    }

    /** The dossiers with this reference (as written, or in capitals) under any of these KBOs: the unique index finds them. */
    public List<DossierRef> withReference(List<String> kbos, String reference) {
        return jdbc.sql("select kbo, reference from dossier where kbo = any(:kbos) and reference in (:reference, upper(:reference)) "
                        + "order by kbo, reference")
                .param("kbos", kbos.toArray(String[]::new)).param("reference", reference.strip())
                .query((rs, n) -> new DossierRef(rs.getString(1), rs.getString(2))).list();
    }

    /** A dossier neither closed nor reopened (yet): what the merger's rules and its latest plan say of it. */
    private Reason planned(Merger merger, Row dossier, Long plan, String target) {
        Kbo kbo = new Kbo(dossier.kbo());
        if (merger.participant(kbo).isEmpty()) {
            return Reason.of("explain.dossier.elsewhere", dossier.ref().label(), merger.name());
        }
        if (merger.dossierSources().stream().map(Ocmw::kbo).noneMatch(kbo::equals)) {
            return Reason.of("explain.dossier.retained", dossier.ref().label(), merger.participant(kbo).get().name());
        }
        if (!dossier.start().isBefore(merger.effectiveDate())) {
            return Reason.of("explain.dossier.after_cutover", dossier.ref().label(), dossier.start(), merger.effectiveDate());
        }
        if (dossier.end() != null && !dossier.end().isAfter(merger.closeDate())) {
            return Reason.of("explain.dossier.ended", dossier.ref().label(), dossier.end(), merger.closeDate());
        }
        Optional<String> successor = plan == null ? Optional.empty() : jdbc.sql(
                        "select coalesce(successor_reference, '') from plan_dossier where plan_id = :plan and dossier_id = :id")
                .param("plan", plan).param("id", dossier.id()).query(String.class).optional();
        return successor.map(reference -> reference.isEmpty()
                        ? Reason.of("explain.dossier.will_close", dossier.ref().label(), merger.closeDate())
                        : Reason.of("explain.dossier.will_reopen", dossier.ref().label(), merger.closeDate(),
                        target + "/" + reference, merger.effectiveDate()))
                .orElseGet(() -> Reason.of("explain.dossier.not_planned", dossier.ref().label()));
    }

    private Optional<Row> row(String where, String kbo, String reference, Long id) {
        return jdbc.sql("select d.id, d.kbo, d.reference, d.type, d.start_date, d.end_date, d.predecessor_id, "
                        + "d.created_by_run from dossier d where " + where)
                .param("kbo", kbo).param("reference", reference).param("id", id, java.sql.Types.BIGINT)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("kbo"), rs.getString("reference"),
                        rs.getString("type"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class), (Long) rs.getObject("predecessor_id"),
                        (Long) rs.getObject("created_by_run")))
                .optional();
    }
}
