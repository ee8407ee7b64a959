package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Ocmw;
import be.ocmw.merge.registry.RegistryResult;
import be.ocmw.merge.registry.RegistryViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mergers", mixinStandardHelpOptions = true,
        description = "Show or check the merger registry.",
        subcommands = {MergersCommand.ListMergers.class, MergersCommand.ValidateRegistry.class})
class MergersCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the mergers: id, scenario, merged OCMW with its KBO and NIS, effective date, participants.")
    static class ListMergers implements Callable<Integer> {

        @Mixin
        RegistryOption registry;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            MergerRegistry mergers = registry.load().registry();
            PrintWriter out = spec.commandLine().getOut();
            MergerTable.print(mergers, out);
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check the registry against the rules of the three scenarios; list every violation.")
    static class ValidateRegistry implements Callable<Integer> {

        @Mixin
        RegistryOption registry;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RegistryResult result = registry.load();
            PrintWriter out = spec.commandLine().getOut();
            if (result.valid()) {
                out.println(result.file() + ": " + result.mergers().size() + " mergers, all rules satisfied.");
                out.flush();
                return ExitCode.DONE;
            }
            PrintWriter err = spec.commandLine().getErr();
            for (RegistryViolation violation : result.violations()) {
                err.println(violation.describe(result.file().toString()));
            }
            err.println(result.file() + ": " + result.violations().size() + " problem(s); nothing can use this registry "
                    + "until they are fixed.");
            err.flush();
            return ExitCode.INPUT;
        }
    }

    /** The registry as a text table, one line per participant. */
    static final class MergerTable {

        private static final String[] HEADER =
                {"ID", "SCENARIO", "MERGED OCMW", "KBO", "NIS", "EFFECTIVE", "PARTICIPANTS (KBO, NIS)"};

        private MergerTable() {
        }

        static void print(MergerRegistry registry, PrintWriter out) {
            List<String[]> rows = new ArrayList<>();
            for (Merger m : registry.mergers()) {
                List<Ocmw> participants = m.participants();
                for (int i = 0; i < participants.size(); i++) {
                    Ocmw p = participants.get(i);
                    String participant = p.name() + " (" + p.kbo() + ", " + p.nis() + ")"
                            + (p.kbo().equals(m.target().kbo()) ? " retained" : "");
                    rows.add(i == 0
                            ? new String[]{m.id(), m.scenario().number() + " " + m.scenario(), m.target().name(),
                            m.target().kbo().toString(), m.target().nis().toString(), m.effectiveDate().toString(), participant}
                            : new String[]{"", "", "", "", "", "", participant});
                }
            }
            int[] widths = new int[HEADER.length];
            for (int c = 0; c < HEADER.length; c++) {
                widths[c] = HEADER[c].length();
                for (String[] row : rows) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
            out.println(line(HEADER, widths));
            for (String[] row : rows) {
                out.println(line(row, widths));
            }
            out.println(registry.mergers().size() + " mergers in " + registry.file());
            printRecipients(registry.mergers(), out);
        }

        /** Who the night mails the new drift of each merger (its notify: list), in which language. */
        private static void printRecipients(List<Merger> mergers, PrintWriter out) {
            List<Merger> told = mergers.stream().filter(m -> !m.recipients().isEmpty()).toList();
            out.println();
            if (told.isEmpty()) {
                out.println("Nobody is mailed the drift found each night: give a merger a notify: list of addresses "
                        + "(and language: nl or fr) in the registry.");
                return;
            }
            out.println("Mailed the drift that is new after each night (notify:), in the merger's language:");
            int width = told.stream().mapToInt(m -> m.id().length()).max().orElse(0);
            for (Merger m : told) {
                out.println("  " + String.format("%-" + width + "s", m.id()) + "  " + m.language().code() + "  "
                        + String.join(", ", m.recipients().stream().map(Object::toString).toList()));
            }
            if (told.size() < mergers.size()) {
                out.println("  " + (mergers.size() - told.size()) + " other merger(s): nobody (no notify: list)");
            }
        }

        private static String line(String[] cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.length; c++) {
                line.append(c == cells.length - 1 ? cells[c] : String.format("%-" + widths[c] + "s  ", cells[c]));
            }
            return line.toString().stripTrailing();
        }
    }
}
