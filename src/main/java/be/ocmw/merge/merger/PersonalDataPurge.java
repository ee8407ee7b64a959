package be.ocmw.merge.merger;

import be.ocmw.merge.audit.AuditChain;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.audit.PersonalData;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Retention: the personal data (INSZ, names, e-mail) of mergers applied before a day, pseudonymised wherever a copy of
 * it is kept beside the live accounts and dossiers ({@link PersonalData}, one per feature). Never by default: the dry
 * run lists what would change; the purge itself must follow a dry run of the same day, and is one transaction, with
 * its own audit row counting and naming the audit rows it touched so that the audit chain still verifies.
 */
@Component
public class PersonalDataPurge {

    private final List<PersonalData> features;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final TransactionTemplate transaction;

    PersonalDataPurge(List<PersonalData> features, Registry registry, JdbcClient jdbc, AuditChain chain,
                      PlatformTransactionManager transactions) {
        this.features = features;
        this.registry = registry;
        this.jdbc = jdbc;
        this.chain = chain;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A merger in the purge: when it was applied, and the copies of its persons' data table by table. */
    public record MergerPurge(Merger merger, OffsetDateTime appliedAt, List<PersonalData.Held> held) {

        public long rows() {
            return held.stream().mapToLong(PersonalData.Held::rows).sum();
        }
    }

    /** What a purge found (a dry run) or did; {@code auditRows} the audit rows it pseudonymised. */
    public record Outcome(LocalDate appliedBefore, boolean executed, List<MergerPurge> mergers, long auditRows) {
    }

    /** The mergers of the registry whose latest apply was before {@code day} (a Belgian day), oldest first. */
    public List<Applied> appliedBefore(LocalDate day) {
        OffsetDateTime start = day.atStartOfDay(Consultations.ZONE).toOffsetDateTime();
        List<Applied> applied = new ArrayList<>();
        for (Merger merger : registry.current().mergers()) {
            jdbc.sql("select max(created_at) from plan where merger_id = :merger and mode = 'APPLY' and status = 'APPLIED'")
                    .param("merger", merger.id()).query(OffsetDateTime.class).optional()
                    .filter(at -> at != null && at.isBefore(start))
                    .ifPresent(at -> applied.add(new Applied(merger, at)));
        }
        applied.sort(java.util.Comparator.comparing(Applied::at));
        return applied;
    }

    public record Applied(Merger merger, OffsetDateTime at) {
    }

    public Outcome dryRun(LocalDate day, long run) {
        return new Outcome(day, false, eachMerger(day, run, PersonalData::held), 0);
    }

    /** Pseudonymises in one transaction: all of it, or (killed, failed) none of it. */
    public Outcome execute(LocalDate day, long run) {
        return transaction.execute(status -> {
            List<MergerPurge> mergers = eachMerger(day, run, PersonalData::purge);
            return new Outcome(day, true, mergers, chain.recordPurge(run, day.toString()));
        });
    }

    /** Every feature asked ({@code held} or {@code purge}) for each merger applied before the day. */
    private List<MergerPurge> eachMerger(LocalDate day, long run,
                                         java.util.function.BiFunction<PersonalData, PersonalData.PurgeScope,
                                                 List<PersonalData.Held>> ask) {
        return appliedBefore(day).stream()
                .map(applied -> new MergerPurge(applied.merger(), applied.at(), features.stream()
                        .flatMap(feature -> ask.apply(feature, scope(applied.merger(), run)).stream()).toList()))
                .toList();
    }

    private PersonalData.PurgeScope scope(Merger merger, long run) {
        List<String> kbos = Stream.concat(Stream.of(merger.target()), merger.participants().stream())
                .map(ocmw -> ocmw.kbo().digits()).distinct().toList();
        List<Long> plans = jdbc.sql("select id from plan where merger_id = :merger order by id").param("merger", merger.id())
                .query(Long.class).list();
        return new PersonalData.PurgeScope(merger.id(), kbos, plans, run);
    }
}
