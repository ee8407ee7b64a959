package be.ocmw.merge.batch;

/** Another process is running the same job for the same input right now. */
public class JobAlreadyRunningException extends RuntimeException {

    public JobAlreadyRunningException(String message) {
        super(message);
    }
}
