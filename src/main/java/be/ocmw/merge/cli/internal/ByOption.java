package be.ocmw.merge.cli.internal;

import picocli.CommandLine.Option;

/** {@code --by NAME}: who acts, or for whom, on every command that records a person (the run log, approvals, consultations). */
class ByOption {

    @Option(names = "--by", paramLabel = "NAME", description = "On whose behalf (recorded beside the OS account that runs "
            + "the command, never instead of it: the run log, an approval, an apply and a consultation name both). Default: "
            + "the OS account itself.")
    String name;

    /** The name given, or null: the OS account acts for itself. */
    String onBehalfOf() {
        return name == null || name.isBlank() ? null : name.strip();
    }
}
