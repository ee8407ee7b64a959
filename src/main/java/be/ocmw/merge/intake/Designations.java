package be.ocmw.merge.intake;

import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the intake knows of a merger, for whoever plans it: the administrators its current submissions designate and
 * the intake's findings. The only way into the intake's tables from outside the intake.
 */
@Component
public class Designations {

    /**
     * A person a current submission designates as (co-)HTB or (co-)TB; {@code domain} null for the main domain; the
     * submission of {@code kbo} of {@code submittedOn} in workbook {@code file} (its name), sheet Beheerders row {@code row}.
     */
    public record Designation(String kbo, be.ocmw.merge.domain.Role role, String domain, String insz, String lastName, String firstName,
                              String email, String language, java.time.LocalDate submittedOn, String file, int row) {
    }

    /**
     * A decision of a current submission's Gebruikers sheet (SPEC 4.5) for account {@code username} of {@code domain}
     * of organisation {@code kbo}: {@code applications} left out (or withdrawn); from the submission of
     * {@code submittedOn}, workbook {@code file}, row {@code row}.
     */
    public record Review(String kbo, String domain, String username, ReviewDecision decision, List<String> applications,
                         String remark, java.time.LocalDate submittedOn, String file, int row) {

        public Review {
            applications = List.copyOf(applications);
        }
    }

    /**
     * The rows the plan of a merger reads from the intake, as SQL selecting records {@code h} (parameter {@code :id}
     * the merger's id): a digest of them tells whether a stored plan was computed from the intake as it is now.
     */
    public static final List<String> INPUT_ROWS = List.of("""
                    select row(s.kbo, a.source_row, a.role, a.domain, a.insz, a.last_name, a.first_name, a.email,
                               a.language) as h
                    from submission_administrator a join submission s on s.id = a.submission_id
                    where s.merger_id = :id and s.superseded_by is null""", """
                    select row(s.kbo, r.source_row, r.domain, r.username, r.decision, r.applications) as h
                    from submission_review r join submission s on s.id = r.submission_id
                    where s.merger_id = :id and s.superseded_by is null""", Findings.INTAKE_INPUT_ROWS);

    private final JdbcClient jdbc;
    private final Findings findings;

    Designations(JdbcClient jdbc, Findings findings) {
        this.jdbc = jdbc;
        this.findings = findings;
    }

    /** The designations of the merger's current submissions, by OCMW and row of its workbook. */
    public List<Designation> of(Merger merger) {
        return jdbc.sql("""
                        select a.role, a.domain, a.insz, a.last_name, a.first_name, a.email, a.language, s.kbo, a.source_row,
                               s.submitted_on, s.source_file
                        from submission_administrator a join submission s on s.id = a.submission_id
                        where s.merger_id = :merger and s.superseded_by is null
                        order by s.kbo, a.source_row""")
                .param("merger", merger.id())
                .query((rs, n) -> new Designation(rs.getString("kbo"), be.ocmw.merge.domain.Role.valueOf(rs.getString("role")),
                        rs.getString("domain"),
                        rs.getString("insz"), rs.getString("last_name"), rs.getString("first_name"), rs.getString("email"),
                        rs.getString("language"), rs.getObject("submitted_on", java.time.LocalDate.class),
                        fileName(rs.getString("source_file")), rs.getInt("source_row")))
                .list();
    }

    /** The decisions of the merger's current submissions' Gebruikers sheets, by OCMW and row. */
    public List<Review> reviews(Merger merger) {
        return jdbc.sql("""
                        select s.kbo, r.domain, r.username, r.decision, r.applications, r.remark, s.submitted_on, s.source_file,
                               r.source_row
                        from submission_review r join submission s on s.id = r.submission_id
                        where s.merger_id = :merger and s.superseded_by is null
                        order by s.kbo, r.source_row""")
                .param("merger", merger.id())
                .query((rs, n) -> new Review(rs.getString("kbo"), rs.getString("domain"), rs.getString("username"),
                        ReviewDecision.valueOf(rs.getString("decision")),
                        List.of((String[]) rs.getArray("applications").getArray()), rs.getString("remark"),
                        rs.getObject("submitted_on", java.time.LocalDate.class), fileName(rs.getString("source_file")),
                        rs.getInt("source_row")))
                .list();
    }

    /**
     * What one OCMW's current submission decided in its Gebruikers sheet: how many accounts it reviewed, how many not to
     * copy, to block (copied blocked, or blocked by the merged OCMW), and with applications left out or withdrawn.
     */
    public record ReviewTally(String kbo, String file, int reviewed, int notCopied, int blocked, int withApplications) {
    }

    /** The review of every OCMW of the merger whose current submission has one, by KBO. */
    public java.util.Map<String, ReviewTally> tallies(Merger merger) {
        java.util.Map<String, ReviewTally> tallies = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select s.kbo, s.source_file, count(*),
                               count(*) filter (where r.decision = 'DO_NOT_COPY'),
                               count(*) filter (where r.decision in ('COPY_BLOCKED', 'BLOCK')),
                               count(*) filter (where cardinality(r.applications) > 0)
                        from submission_review r join submission s on s.id = r.submission_id
                        where s.merger_id = :merger and s.superseded_by is null
                        group by s.kbo, s.source_file order by s.kbo""")
                .param("merger", merger.id())
                .query(rs -> {
                    tallies.put(rs.getString(1), new ReviewTally(rs.getString(1), fileName(rs.getString(2)), rs.getInt(3),
                            rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                });
        return tallies;
    }

    private static String fileName(String path) {
        return java.nio.file.Path.of(path).getFileName().toString();
    }

    /**
     * A designation with where it was read: the OCMW ({@code kbo}) whose submission of {@code submittedOn} holds it, in
     * workbook {@code file} (its name), on {@code sheet}, row {@code row}; {@code role} as the workbook has it (HTB,
     * CO_HTB, TB, CO_TB), {@code domain} null for the organisation-level roles.
     */
    public record Cited(String kbo, be.ocmw.merge.domain.Role role, String domain, String insz, String name,
                        java.time.LocalDate submittedOn, String file, String sheet, int row) {
    }

    /** The designations of the merger's current submissions with the submission, file and row each comes from. */
    public List<Cited> cited(Merger merger) {
        return jdbc.sql("""
                        select s.kbo, a.role, a.domain, a.insz, a.first_name, a.last_name, s.submitted_on, s.source_file,
                               a.source_row
                        from submission_administrator a join submission s on s.id = a.submission_id
                        where s.merger_id = :merger and s.superseded_by is null
                        order by s.kbo, a.source_row""")
                .param("merger", merger.id())
                .query((rs, n) -> new Cited(rs.getString("kbo"),
                        be.ocmw.merge.domain.Role.parse(rs.getString("role")).orElseThrow(), rs.getString("domain"),
                        rs.getString("insz"), (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                        rs.getObject("submitted_on", java.time.LocalDate.class),
                        java.nio.file.Path.of(rs.getString("source_file")).getFileName().toString(),
                        SubmissionFormat.ADMINISTRATORS_SHEET, rs.getInt("source_row")))
                .list();
    }

    /** An OCMW's current submission: when it says it was sent, the workbook it came in, and when it was taken in. */
    public record Received(java.time.LocalDate submittedOn, String file, java.time.OffsetDateTime receivedAt) {
    }

    /** The current submission of each OCMW of the merger that sent one, by KBO. */
    public java.util.Map<String, Received> received(Merger merger) {
        java.util.Map<String, Received> current = new java.util.LinkedHashMap<>();
        jdbc.sql("select kbo, submitted_on, source_file, received_at from submission where merger_id = :m and superseded_by is null")
                .param("m", merger.id())
                .query(rs -> {
                    current.put(rs.getString(1), new Received(rs.getObject(2, java.time.LocalDate.class), rs.getString(3),
                            rs.getObject(4, java.time.OffsetDateTime.class)));
                });
        return current;
    }

    /** The intake's findings of the merger, in the order they were found. */
    public List<Finding> findings(Merger merger) {
        return findings.ofIntake(merger.id());
    }
}
