package be.ocmw.merge.web;

/** {@code serve} refuses to start a dashboard nobody can log in to safely: no users, or a user without a bcrypt hash or role. */
public class WebUsersMissingException extends RuntimeException {

    public WebUsersMissingException(String message) {
        super(message);
    }
}
