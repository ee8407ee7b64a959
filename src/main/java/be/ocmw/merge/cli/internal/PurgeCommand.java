package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.AuditChain;
import be.ocmw.merge.audit.ChainVerification;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.audit.PersonalData;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.merger.PersonalDataPurge;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Command(name = "purge-personal-data", mixinStandardHelpOptions = true,
        description = "Retention: pseudonymise the personal data (INSZ, names, e-mail) of the mergers applied before a day "
                + "wherever a copy is kept beside the live accounts and dossiers (replaced snapshots, staged and rejected "
                + "rows, stored plan changes and findings, drift, the audit's before/after copies). Without --execute a dry "
                + "run that lists what would change; --execute only after such a dry run of the same day, in the last 24 hours.")
class PurgeCommand extends DatabaseCommand {

    static final int DRY_RUN_VALID_HOURS = 24;

    @Option(names = "--applied-before", paramLabel = "DATE", required = true,
            description = "The mergers whose latest apply was before this day (yyyy-mm-dd).")
    String appliedBefore;

    @Option(names = "--execute", description = "Pseudonymise for real (after a dry run without it).")
    boolean execute;

    @picocli.CommandLine.Mixin
    RegistryOption registry;

    private LocalDate day;

    @Override
    protected void checkArguments() {
        try {
            day = LocalDate.parse(appliedBefore.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("--applied-before " + appliedBefore + ": not a day as yyyy-mm-dd (e.g. 2026-01-01)");
        }
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        PersonalDataPurge purge = context.getBean(PersonalDataPurge.class);
        PrintWriter out = out();
        if (!execute) {
            PersonalDataPurge.Outcome outcome = purge.dryRun(day, run);
            print(outcome, out);
            out.println(outcome.mergers().isEmpty() ? "Nothing to purge." : "Dry run: nothing was changed. To pseudonymise "
                    + "this, run the same command with --execute within " + DRY_RUN_VALID_HOURS + " hours.");
            out.flush();
            return ExitCode.DONE;
        }
        if (!context.getBean(RunLog.class).succeededLately("audit purge-personal-data", day.toString(), "--execute",
                DRY_RUN_VALID_HOURS)) {
            throw new UsageException("--execute comes after a dry run: run 'audit purge-personal-data --applied-before "
                    + day + "' first, read what it lists, then run it again with --execute (within "
                    + DRY_RUN_VALID_HOURS + " hours)");
        }
        PersonalDataPurge.Outcome outcome = purge.execute(day, run);
        print(outcome, out);
        ChainVerification verification = context.getBean(AuditChain.class).verifyAndRecord(run);
        out.println("Pseudonymised; " + outcome.auditRows() + " audit rows, recorded in the audit trail. The audit trail "
                + (verification.intact() ? "still matches its hash chains." : "does NOT match its hash chains: "
                + verification.first().reason().english()));
        out.flush();
        return verification.intact() ? ExitCode.DONE : ExitCode.BLOCKED;
    }

    private static void print(PersonalDataPurge.Outcome outcome, PrintWriter out) {
        out.println((outcome.executed() ? "Purged" : "Would purge") + " the personal data of the mergers applied before "
                + outcome.appliedBefore() + ":");
        for (PersonalDataPurge.MergerPurge merger : outcome.mergers()) {
            out.printf("  %s (applied %s): %d rows%n", merger.merger().id(),
                    AuditCommand.TIME.format(merger.appliedAt().atZoneSameInstant(be.ocmw.merge.audit.Consultations.ZONE)),
                    merger.rows());
            for (PersonalData.Held held : merger.held()) {
                if (held.rows() > 0) {
                    out.printf("    %-26s %7d  %s%n", held.table(), held.rows(), held.what());
                }
            }
        }
    }
}
