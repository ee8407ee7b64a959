package be.ocmw.merge.intake;

import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.LoadJobs;
import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.intake.internal.SubmissionFilesTasklet;
import be.ocmw.merge.intake.internal.SubmissionFolder;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Registry;
import org.springframework.batch.core.job.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** {@code intake DIR}: identified by the folder and a digest over its workbooks. */
@Component
public class Intake {

    private final LoadJobs loads;
    private final JdbcClient jdbc;
    private final Findings findings;
    private final Registry registry;
    private final Job intakeJob;

    Intake(LoadJobs loads, JdbcClient jdbc, Job intakeJob, Findings findings, Registry registry) {
        this.registry = registry;
        this.findings = findings;
        this.loads = loads;
        this.jdbc = jdbc;
        this.intakeJob = intakeJob;
    }

    public IntakeResult intake(Path dir, long run) {
        MergerRegistry mergerRegistry = registry.current();
        List<String> content = SubmissionFolder.content(dir);
        LoadReport load = loads.load(intakeJob, SubmissionFilesTasklet.KIND, dir, FileDigest.ofAll(content), registry.file(), run,
                "the intake of " + dir);
        long jobInstance = load.jobInstance();
        List<IntakeResult.Submission> submissions = jdbc.sql("""
                        select f.name, s.merger_id, s.kbo, s.ocmw_name, s.submitted_on, s.superseded_by is null as current,
                               f.password_columns
                        from load_file f join submission s on s.content_sha256 = f.content_sha256
                        where f.job_instance_id = :ji and f.status <> 'REJECTED'
                        order by f.id""")
                .param("ji", jobInstance)
                .query((rs, n) -> new IntakeResult.Submission(rs.getString("name"), rs.getString("merger_id"),
                        rs.getString("kbo"), rs.getString("ocmw_name"), rs.getObject("submitted_on", LocalDate.class),
                        rs.getBoolean("current"), false, rs.getString("password_columns")))
                .list();
        submissions = submissions.stream().map(s -> new IntakeResult.Submission(s.file(), s.merger(), s.kbo(), s.ocmw(),
                s.submittedOn(), s.current(), mergerRegistry.find(s.merger())
                // the merged OCMW's own review after the merger (not a participant) answers no deadline
                .filter(m -> m.participant(new be.ocmw.merge.domain.Kbo(s.kbo())).isPresent())
                .map(m -> m.late(s.submittedOn())).orElse(false), s.passwordColumns())).toList();
        List<String> mergers = submissions.stream().map(IntakeResult.Submission::merger).distinct().toList();
        List<IntakeResult.Finding> findings = this.findings.ofIntake(mergers).stream()
                .map(f -> new IntakeResult.Finding(f.merger(), f.finding())).toList();
        return new IntakeResult(load, submissions, findings);
    }
}
