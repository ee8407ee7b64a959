package be.ocmw.merge.merger;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.time.LocalDate;
import java.util.Map;

/**
 * What every step of an apply job works from, as its job parameters carry it: the merger, the stored changes it
 * executes ({@code changes}: the plan's own, or those of the approved plan it shares), the run, the target and the
 * two dates. A step reads it once ({@code #{jobParameters}}) instead of each bean naming parameters by string.
 */
public record ApplyParameters(String merger, long changes, long run, String target, String targetName,
                              LocalDate closeDate, LocalDate effectiveDate) {

    /** The parameters of the running apply job, as a step-scoped bean gets them. */
    public static ApplyParameters of(Map<String, Object> jobParameters) {
        return new ApplyParameters((String) jobParameters.get("merger"), (Long) jobParameters.get("changes"),
                (Long) jobParameters.get("run"), (String) jobParameters.get("target"),
                (String) jobParameters.get("targetName"), LocalDate.parse((String) jobParameters.get("closeDate")),
                LocalDate.parse((String) jobParameters.get("effectiveDate")));
    }

    /** These parameters added to a job's, none of them identifying: the merger, plan and attempt identify an apply. */
    JobParametersBuilder addTo(JobParametersBuilder parameters) {
        return parameters
                .addLong("changes", changes, false)
                .addLong("run", run, false)
                .addString("targetName", targetName, false)
                .addString("target", target, false)
                .addString("closeDate", closeDate.toString(), false)
                .addString("effectiveDate", effectiveDate.toString(), false);
    }
}
