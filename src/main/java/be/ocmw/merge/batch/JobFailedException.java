package be.ocmw.merge.batch;

import org.springframework.batch.core.job.JobExecution;

import java.util.stream.Collectors;

/** A job that did not complete; running the same command again resumes it. */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String description, JobExecution execution) {
        super(description + " did not complete (" + execution.getStatus() + "): "
                + execution.getAllFailureExceptions().stream().map(JobFailedException::message)
                .collect(Collectors.joining("; ")));
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
