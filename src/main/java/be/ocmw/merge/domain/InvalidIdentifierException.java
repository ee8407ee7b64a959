package be.ocmw.merge.domain;

/**
 * A value that is not a valid KBO number, INSZ or NIS code. The message names the value and says what
 * is wrong with it in words an operator understands; readers turn it into a rejected row.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
