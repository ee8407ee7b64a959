package be.ocmw.merge.cli.internal;

import picocli.CommandLine.Option;

/** {@code --by NAME}: who acts, or for whom, on every command that records a person (the run log, approvals, consultations). */
class ByOption {

    @Option(names = "--by", paramLabel = "NAME", description = "Who acts, or for whom (recorded in the run log; an "
            + "approval, an apply and a consultation name them). Default: the OS user.")
    String name;

    /** The name given, else the OS user's. */
    String actor() {
        return name == null || name.isBlank() ? DatabaseCommand.osUser() : name.strip();
    }
}
