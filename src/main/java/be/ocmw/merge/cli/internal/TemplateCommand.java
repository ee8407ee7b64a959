package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.intake.SubmissionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write the blank HTB submission workbook (sheets Instructies, OCMW, Beheerders; dropdowns for Rol and Taal).")
class TemplateCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The .xlsx file to write.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SubmissionTemplate.write(Outputs.file(file));
        spec.commandLine().getOut().println("Wrote the blank HTB submission workbook to " + file);
        spec.commandLine().getOut().flush();
        return ExitCode.DONE;
    }
}
