package be.ocmw.merge.domain;

/**
 * A value that is not a valid KBO number, INSZ or NIS code. Its {@link #reason()} names the value and says what
 * is wrong with it in words a reader understands, in the report's language; readers turn it into a rejected row.
 */
public class InvalidIdentifierException extends IllegalArgumentException implements Reason.Carrier {

    private final transient Reason reason;

    public InvalidIdentifierException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    /** Words for the console only (the registry's NIS codes). */
    public InvalidIdentifierException(String message) {
        this(Reason.words(message));
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
