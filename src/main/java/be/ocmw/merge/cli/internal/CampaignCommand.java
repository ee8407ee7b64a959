package be.ocmw.merge.cli.internal;

import be.ocmw.merge.campaign.Campaign;
import be.ocmw.merge.campaign.CampaignSettings;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Asking the OCMWs for their workbook (SPEC 4.6). Without --send: per participant the address its mail "
                + "goes to (the registry's contact, else its current HTB's as loaded), the workbook sent (when, to whom), "
                + "the reminders, and its submission (when; late).",
                "With --send: each participant's pre-filled workbook mailed to it in the merger's language, through the "
                        + "outbox, sent before the command returns; a participant mailed before is not mailed again unless "
                        + "--resend. Every mail is a consultation of personal data."})
class CampaignCommand extends DatabaseCommand {

    @Parameters(index = "0", paramLabel = "MERGER", description = "The merger's id or name (see mergers list).")
    String merger;

    @Option(names = "--send", description = "Mail each participant its pre-filled workbook (once).")
    boolean send;

    @Option(names = "--resend", description = "With --send: mail it again to those mailed before (recorded).")
    boolean resend;

    @Option(names = "--ocmw", paramLabel = "KBO", description = "With --send: this participant only.")
    String ocmw;

    @Mixin
    ByOption by;

    @Mixin
    RegistryOption registry;

    private Kbo only;

    @Override
    protected void checkArguments() {
        merger = MergerNames.resolve(registry, merger);
        if ((resend || ocmw != null) && !send) {
            throw new UsageException((resend ? "--resend" : "--ocmw") + " goes with --send");
        }
        if (ocmw != null) {
            try {
                only = Kbo.parse(ocmw);
            } catch (RuntimeException e) {
                throw new UsageException("--ocmw " + ocmw + ": " + e.getMessage());
            }
        }
    }

    /** The campaign mails: it has the SMTP settings a command without a web server is otherwise not given. */
    @Override
    protected List<String> properties() {
        return List.of("--ocmw.mail.needed=true");
    }

    @Override
    protected String onBehalfOf() {
        return by.onBehalfOf();
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        Merger found = context.getBean(Registry.class).current().find(merger).orElseThrow();
        Campaign campaign = context.getBean(Campaign.class);
        PrintWriter out = out();
        if (only != null && found.participant(only).isEmpty()) {
            throw new UsageException("--ocmw " + ocmw + " is not a participant of " + found.id());
        }
        if (send) {
            List<Campaign.Outcome> outcomes = campaign.send(found, resend, actor(), run, only);
            out.println("Campaign of " + found.id() + " (" + found.name() + "), deadline "
                    + ReportText.date(found.deadline()) + ":");
            for (Campaign.Outcome outcome : outcomes) {
                String what;
                if (!outcome.queued()) {
                    what = "not mailed: " + outcome.problem().english();
                } else if (outcome.problem() == null) {
                    what = "workbook (" + outcome.accounts() + " accounts) mailed to " + outcome.to();
                } else {
                    what = "workbook queued for " + outcome.to() + " but NOT SENT yet: " + outcome.problem().english()
                            + " (tried again by serve's scheduler; see the merger's page)";
                }
                out.println("  " + outcome.ocmw().name() + " (" + outcome.ocmw().kbo().formatted() + "): " + what);
            }
            out.flush();
            // a mail the server did not take stays in the outbox and is tried again: nothing to run again here
            return ExitCode.DONE;
        }
        out.println("Campaign of " + found.id() + " (" + found.name() + "), deadline " + ReportText.date(found.deadline())
                + (campaign.started(found) ? "" : ": not started (campaign " + found.id() + " --send)"));
        for (Campaign.Participant p : campaign.status(found)) {
            out.println("  " + p.ocmw().name() + " (" + p.ocmw().kbo().formatted() + ")");
            out.println("    contact:   " + switch (p.contact().source()) {
                case REGISTRY -> p.contact().address() + " (the registry's contact)";
                case HTB -> p.contact().address() + " (its current HTB as loaded)";
                case NONE -> "no address: add 'contact' to this participant in the registry";
            });
            out.println("    workbook:  " + (p.workbooks().isEmpty() ? "not sent" : String.join("; ", p.workbooks().stream()
                    .map(s -> "sent " + ReportText.dateTime(s.at()) + " to " + s.to() + " by " + s.by()
                            + (s.status() == be.ocmw.merge.notify.Mail.Status.SENT ? "" : " (NOT SENT yet: " + s.problem() + ")"))
                    .toList())));
            out.println("    reminders: " + (p.reminders().isEmpty() ? "none" : String.join("; ", p.reminders().stream()
                    .map(s -> s.days() + " days before, " + ReportText.dateTime(s.at())).toList())));
            out.println("    received:  " + (p.received() == null ? "nothing yet"
                    : "submission of " + ReportText.date(p.received().submittedOn()) + " (" + p.received().file() + ")"
                    + (p.late() ? ", LATE" : "")));
        }
        out.flush();
        return ExitCode.DONE;
    }
}
