package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.AuditChain;
import be.ocmw.merge.audit.ChainProblem;
import be.ocmw.merge.audit.ChainVerification;
import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.input.CsvWriter;
import be.ocmw.merge.reporting.ReportSheets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail and the consultation log: verify their hash chains, list the consultations "
                + "of personal data, purge the personal data of mergers applied long ago.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Consultations.class, PurgeCommand.class})
class AuditCommand extends GroupCommand {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the hash chains of the audit trail and the consultation log; name the first row that "
                    + "does not match (changed, deleted or inserted out of order) and exit 4, or exit 0 when both match.")
    static class Verify extends DatabaseCommand {

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            ChainVerification verification = context.getBean(AuditChain.class).verifyAndRecord(run);
            print(verification, out());
            return verification.intact() ? ExitCode.DONE : ExitCode.BLOCKED;
        }

        static void print(ChainVerification verification, PrintWriter out) {
            out.printf("Checked %d audit rows, %d consultations and %d seals.%n", verification.auditRows(),
                    verification.consultations(), verification.seals());
            if (verification.intact()) {
                out.println("The audit trail and the consultation log match their hash chains: nothing was changed, "
                        + "deleted or inserted outside the engine.");
            } else {
                out.println("The audit trail does NOT match its hash chain. First: " + verification.first().reason().english());
                for (ChainProblem problem : verification.problems().subList(1, verification.problems().size())) {
                    out.println("  also: " + problem.reason().english());
                }
                if (verification.more()) {
                    out.println("  (and more: the first " + ChainVerification.SHOWN + " are shown)");
                }
                out.println("Keep the database as it is and tell the security officer: the rows named were changed "
                        + "outside ocmw-merge.");
            }
            out.println("Chain heads (note them elsewhere to prove later that nothing before was rewritten): audit "
                    + verification.auditHead() + ", consultations " + verification.consultationHead());
            out.flush();
        }
    }

    @Command(name = "consultations", mixinStandardHelpOptions = true,
            description = "List the consultations of personal data in full (who, when, what, about how many persons, "
                    + "why): on the console, or with --out as CSV (.csv) or a workbook (.xlsx).")
    static class Consultations extends DatabaseCommand {

        @Option(names = "--from", paramLabel = "DATE", description = "From this day (yyyy-mm-dd), included.")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Up to this day (yyyy-mm-dd), included.")
        String to;

        @Option(names = "--out", paramLabel = "FILE", description = "Write them to FILE (.csv or .xlsx).")
        Path file;

        @Override
        protected void checkArguments() {
            day("--from", from);
            day("--to", to);
            if (file != null) {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
                    throw new UsageException("--out " + file + ": the file must end in .csv or .xlsx");
                }
                Outputs.file(file);
            }
        }

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) throws IOException {
            List<Consultation> consultations = context.getBean(be.ocmw.merge.audit.Consultations.class)
                    .between(day("--from", from), day("--to", to));
            if (file == null) {
                for (Consultation c : consultations) {
                    out().printf("#%-5d %s  %-16s %-12s %-22s %-14s %6d persons  %s  (%s)%n", c.id(),
                            TIME.format(c.at().atZoneSameInstant(be.ocmw.merge.audit.Consultations.ZONE)),
                            be.ocmw.merge.reporting.ReportText.of(java.util.Locale.ENGLISH).who(c.who()),
                            c.channel(), c.what(), c.mergerId() == null ? "" : c.mergerId(), c.persons(), c.reason(),
                            c.file() == null ? "" : c.file());
                }
                out().println(consultations.size() + " consultation(s).");
            } else if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                try (CsvWriter csv = CsvWriter.create(file)) {
                    csv.row(HEADER);
                    for (Consultation c : consultations) {
                        csv.row(values(c).stream().map(String::valueOf).toList());
                    }
                }
                out().println("Wrote " + consultations.size() + " consultation(s) to " + file);
            } else {
                writeWorkbook(consultations, file);
                out().println("Wrote " + consultations.size() + " consultation(s) to " + file);
            }
            out().flush();
            return ExitCode.DONE;
        }

        static final List<String> HEADER = List.of("id", "at", "actor", "account", "channel", "what", "merger", "file",
                "persons", "reason", "run");

        private static List<Object> values(Consultation c) {
            return List.of(c.id(), TIME.format(c.at().atZoneSameInstant(be.ocmw.merge.audit.Consultations.ZONE)), c.actor(),
                    c.account() == null ? "" : c.account().key(), c.channel().name(), c.what(), c.mergerId() == null ? "" : c.mergerId(), c.file() == null ? "" : c.file(),
                    c.persons(), c.reason(), c.run() == null ? "" : c.run());
        }

        private static void writeWorkbook(List<Consultation> consultations, Path file) throws IOException {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
                CellStyle bold = ReportSheets.bold(workbook);
                Sheet sheet = ReportSheets.sheet(workbook, "Consultations", bold, HEADER.toArray(String[]::new));
                int row = 1;
                for (Consultation c : consultations) {
                    ReportSheets.row(sheet, row++, values(c).toArray());
                }
                workbook.write(out);
                workbook.dispose();
            }
        }

        private static LocalDate day(String option, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new UsageException(option + " " + value + ": not a day as yyyy-mm-dd (e.g. 2026-12-01)");
            }
        }
    }
}
