package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Needs no database. The password is read, never taken as an argument: arguments end up in shell history and the run log. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Read a dashboard user's password (typed, or the first line of standard input) and print its bcrypt "
                + "hash, for ocmw.web.users.<name>.password in the file given to serve --users.")
class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String password;
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Password: ");
            password = typed == null ? "" : new String(typed);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        if (password.length() < 12) {
            spec.commandLine().getErr().println("ocmw-merge: a dashboard password needs at least 12 characters.");
            spec.commandLine().getErr().flush();
            return ExitCode.USAGE;
        }
        spec.commandLine().getOut().println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
        spec.commandLine().getOut().flush();
        return ExitCode.DONE;
    }
}
