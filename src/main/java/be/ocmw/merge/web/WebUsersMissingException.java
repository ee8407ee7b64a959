package be.ocmw.merge.web;

import be.ocmw.merge.domain.ExitCode;

/** {@code serve} refuses to start a dashboard nobody can log in to safely: no users, or a user without a bcrypt hash or role. */
public class WebUsersMissingException extends RuntimeException implements ExitCode.Carrier {

    public WebUsersMissingException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}
