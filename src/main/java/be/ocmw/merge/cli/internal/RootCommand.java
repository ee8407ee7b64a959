package be.ocmw.merge.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "ocmw-merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Carries OCMW mergers through the social-security back office: access managers, users and "
                + "their applications, running dossiers, OCMW Online requests, and the checklist of manual tasks.",
        subcommands = {MergersCommand.class, LoadCommand.class, IntakeCommand.class, TemplateCommand.class, CampaignCommand.class, CheckCertificateCommand.class,
                MergerCommands.Plan.class, MergerCommands.Approve.class, MergerCommands.Apply.class, ReconcileCommand.class, ServeCommand.class, HashPasswordCommand.class,
                ExportCommand.class, StatusCommand.class, ExplainCommand.class, AuditCommand.class, DatabaseGroupCommand.class,
                IdleWatchCommand.class,
                HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 2 usage error, 3 an input file could not be read, "
                + "4 plan blocked or not the approved one, 5 run failed (run the same command again to resume)."})
public class RootCommand extends GroupCommand {
}
