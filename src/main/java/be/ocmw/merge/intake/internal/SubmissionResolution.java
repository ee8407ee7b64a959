package be.ocmw.merge.intake.internal;

import be.ocmw.merge.batch.JobTasklet;
import be.ocmw.merge.batch.RunningJob;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Role;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Ocmw;
import be.ocmw.merge.registry.Registry;
import org.springframework.batch.core.step.StepContribution;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.finding.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Takes the checked submissions in (the same workbook twice is one submission), lets the latest
 * submission of each OCMW (by date, then by intake order) supersede its earlier ones, and works out again,
 * for every merger, the intake findings the planner relies on.
 */
public class SubmissionResolution implements JobTasklet {

    static final String STAGING = "staged_administrator";
    static final String REVIEWS = "staged_review";

    private final JdbcClient jdbc;
    private final Findings findings;
    private final Registry mergers;
    private final StagedRows staged;

    public SubmissionResolution(JdbcClient jdbc, StagedRows staged, Findings findings, Registry mergers) {
        this.jdbc = jdbc;
        this.mergers = mergers;
        this.findings = findings;
        this.staged = staged;
    }

    @Override
    public void execute(RunningJob job, StepContribution contribution) {
        long jobInstance = job.jobInstance();
        long run = job.run();
        MergerRegistry registry = mergers.current();

        staged.dropRefusedFiles(jobInstance, STAGING);
        staged.dropRefusedFiles(jobInstance, REVIEWS);
        staged.countRows(jobInstance, STAGING, REVIEWS);
        takeIn(jobInstance, run);
        supersede(run);
        for (Merger merger : registry.mergers()) {
            findings(merger, run);
        }
        staged.finish(jobInstance, STAGING);
        staged.finish(jobInstance, REVIEWS);
    }

    private void takeIn(long jobInstance, long run) {
        jdbc.sql("""
                        update load_file f set status = 'UNCHANGED'
                        where f.job_instance_id = :ji and f.status = 'PENDING'
                          and exists (select 1 from submission s where s.content_sha256 = f.content_sha256
                                      and s.load_file_id is distinct from f.id)""")
                .param("ji", jobInstance).update();
        jdbc.sql("""
                        with added as (
                            insert into submission (merger_id, kbo, ocmw_name, submitted_on, submitted_by, source_file,
                                                    content_sha256, intake_run, load_file_id)
                            select meta ->> 'merger', meta ->> 'kbo', meta ->> 'name', cast(meta ->> 'submitted_on' as date),
                                   meta ->> 'submitted_by', name, content_sha256, :run, id
                            from load_file where job_instance_id = :ji and status = 'PENDING'
                            on conflict (content_sha256) do nothing
                            returning id, merger_id, kbo, source_file, submitted_on
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'submission', merger_id || '/' || kbo || '/' || source_file, 'INSERT',
                               jsonb_build_object('id', id, 'submitted_on', submitted_on)
                        from added""")
                .param("ji", jobInstance).param("run", run).update();
        jdbc.sql("""
                        insert into submission_administrator (submission_id, source_row, role, domain, insz, last_name,
                                                              first_name, email, language, phone)
                        select s.id, a.source_row, a.role, a.domain, a.insz, a.last_name, a.first_name, a.email, a.language, a.phone
                        from staged_administrator a join submission s on s.load_file_id = a.load_file_id
                        join load_file f on f.id = a.load_file_id
                        where f.job_instance_id = :ji and f.status = 'PENDING'
                        on conflict do nothing""")
                .param("ji", jobInstance).update();
        jdbc.sql("""
                        insert into submission_review (submission_id, source_row, domain, username, decision, applications, remark)
                        select s.id, r.source_row, r.domain, r.username, r.decision, r.applications, r.remark
                        from staged_review r join submission s on s.load_file_id = r.load_file_id
                        join load_file f on f.id = r.load_file_id
                        where f.job_instance_id = :ji and f.status = 'PENDING'
                        on conflict do nothing""")
                .param("ji", jobInstance).update();
    }

    /** The latest submission of each OCMW for each merger is current; each earlier one points at it. */
    private void supersede(long run) {
        jdbc.sql("""
                        with ranked as (
                            select id, first_value(id) over (partition by merger_id, kbo
                                                             order by submitted_on desc, id desc) as latest
                            from submission
                        ), changed as (
                            update submission s set superseded_by = nullif(r.latest, s.id)
                            from ranked r
                            where r.id = s.id and s.superseded_by is distinct from nullif(r.latest, s.id)
                            returning s.id, s.merger_id, s.kbo, s.source_file, s.superseded_by
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'submission', merger_id || '/' || kbo || '/' || source_file, 'UPDATE',
                               jsonb_build_object('id', id, 'superseded_by', superseded_by)
                        from changed""")
                .param("run", run).update();
    }

    private void findings(Merger merger, long run) {
        findings.forgetIntake(merger.id());
        List<Current> current = jdbc.sql("""
                        select id, kbo, ocmw_name, submitted_on, source_file from submission
                        where merger_id = :merger and superseded_by is null order by kbo""")
                .param("merger", merger.id())
                .query((rs, n) -> new Current(rs.getLong("id"), rs.getString("kbo"), rs.getString("ocmw_name"),
                        rs.getObject("submitted_on", LocalDate.class), rs.getString("source_file")))
                .list();
        Map<String, Current> byKbo = current.stream().collect(Collectors.toMap(Current::kbo, c -> c));
        for (Ocmw participant : merger.participants()) {
            Current submission = byKbo.get(participant.kbo().digits());
            if (submission == null) {
                finding(merger, run, "SUBMISSION_MISSING", Severity.WARNING, participant.kbo().digits(), null, "SUBMISSION_MISSING",
                        participant.name(), participant.kbo(), merger.deadline());
            } else if (merger.late(submission.submittedOn())) {
                finding(merger, run, "SUBMISSION_LATE", Severity.WARNING, participant.kbo().digits(), submission.file(),
                        "SUBMISSION_LATE", participant.name(), submission.submittedOn(), merger.deadline());
            }
        }
        // a designation that a purge pseudonymised (INSZ 00000000000) designates nobody
        List<Designation> designations = jdbc.sql("""
                        select a.role, a.domain, a.insz, a.last_name, a.first_name, s.kbo
                        from submission_administrator a join submission s on s.id = a.submission_id
                        where s.merger_id = :merger and s.superseded_by is null and a.role in ('HTB', 'TB')
                          and a.insz <> '00000000000'
                        order by s.kbo, a.source_row""")
                .param("merger", merger.id())
                .query((rs, n) -> new Designation(Role.valueOf(rs.getString("role")), rs.getString("domain"), new Insz(rs.getString("insz")),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        merger.participant(new Kbo(rs.getString("kbo"))).map(Ocmw::name).orElse(rs.getString("kbo"))))
                .list();
        Map<Insz, List<Designation>> htbs = byPerson(designations.stream().filter(d -> d.role() == Role.HTB).toList());
        if (htbs.isEmpty()) {
            finding(merger, run, "HTB_MISSING", Severity.BLOCKING, null, null, current.isEmpty() ? "HTB_MISSING.none" : "HTB_MISSING.unnamed");
        } else if (htbs.size() > 1) {
            finding(merger, run, "HTB_DISAGREEMENT", Severity.BLOCKING, null, null, "HTB_DISAGREEMENT", describe(htbs));
        }
        Map<String, List<Designation>> tbsByDomain = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        designations.stream().filter(d -> d.role() == Role.TB)
                .forEach(d -> tbsByDomain.computeIfAbsent(d.domain(), k -> new java.util.ArrayList<>()).add(d));
        tbsByDomain.forEach((domain, tbs) -> {
            Map<Insz, List<Designation>> people = byPerson(tbs);
            if (people.size() > 1) {
                finding(merger, run, "TB_DISAGREEMENT", Severity.BLOCKING, null, domain, "TB_DISAGREEMENT", domain, describe(people));
            }
        });
    }

    private static Map<Insz, List<Designation>> byPerson(List<Designation> designations) {
        Map<Insz, List<Designation>> people = new LinkedHashMap<>();
        designations.forEach(d -> people.computeIfAbsent(d.insz(), k -> new java.util.ArrayList<>()).add(d));
        return people;
    }

    /** "Jan D'Hondt (85.07.30-xxx.28): OCMW Galmaarden, OCMW Gooik; …", INSZ masked, words in no language. */
    private static String describe(Map<Insz, List<Designation>> people) {
        return people.entrySet().stream().map(e -> e.getValue().get(0).name() + " (" + e.getKey().masked()
                        + "): " + e.getValue().stream().map(Designation::ocmw).distinct().collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** A finding whose words are {@code finding.<message>} of the report bundles; stored with its English words. */
    private void finding(Merger merger, long run, String code, Severity severity, String kbo, String subject, String message,
                         Object... values) {
        findings.recordIntake(merger.id(), run, Finding.of(code, severity, kbo, subject, message, values));
    }

    private record Current(long id, String kbo, String name, LocalDate submittedOn, String file) {
    }

    private record Designation(Role role, String domain, Insz insz, String name, String ocmw) {
    }
}
