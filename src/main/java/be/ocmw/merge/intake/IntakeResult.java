package be.ocmw.merge.intake;

import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.finding.Severity;

import java.time.LocalDate;
import java.util.List;

/** What an intake did: the files and rows (accepted or rejected), the submissions, the findings per merger. */
public record IntakeResult(LoadReport load, List<Submission> submissions, List<Finding> findings) {

    /** The submission workbook {@code file} holds, when it was taken in. */
    public java.util.Optional<Submission> submissionOf(String file) {
        return submissions.stream().filter(s -> s.file().equals(file)).findFirst();
    }

    /** A submission taken in by this intake (or before, for a workbook taken in again). */
    public record Submission(String file, String merger, String kbo, String ocmw, LocalDate submittedOn,
                             boolean current, boolean late, String passwordColumns) {
    }

    /** An intake finding of a merger this intake concerned. */
    public record Finding(String merger, be.ocmw.merge.finding.Finding finding) {

        public String code() {
            return finding.code();
        }

        public Severity severity() {
            return finding.severity();
        }

        public String kbo() {
            return finding.kbo();
        }

        public String detail() {
            return finding.detail();
        }
    }
}
