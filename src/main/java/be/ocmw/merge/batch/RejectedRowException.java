package be.ocmw.merge.batch;

/** Thrown by a processor to refuse a row; the step skips it and the listener records the rejection. */
public class RejectedRowException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedRowException(Rejection rejection) {
        super(rejection.describe(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
