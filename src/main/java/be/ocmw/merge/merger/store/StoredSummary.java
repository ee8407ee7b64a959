package be.ocmw.merge.merger.store;

import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.RunMode;
import tools.jackson.core.type.TypeReference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a stored plan's {@code summary} holds, read back: its counts and, once an apply stored it, the fingerprint of
 * the plan it executes and of the sources before it started, and once its reports are written what it did ({@code done},
 * the audit trail's counts). A plan stores its counts only; an apply the whole of {@code summary.json} (SPEC 7), of
 * which the engine reads back only these.
 */
public record StoredSummary(PlanCounts counts, Optional<String> fingerprint, Optional<String> sourceFingerprintBefore,
                            Optional<PlanCounts> done) {

    public StoredSummary {
        Objects.requireNonNull(counts);
        Objects.requireNonNull(fingerprint);
        Objects.requireNonNull(sourceFingerprintBefore);
        Objects.requireNonNull(done);
    }

    public static StoredSummary none() {
        return new StoredSummary(PlanCounts.none(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * What an apply did as its reports show it ({@code ApplyResult.did}): the audit trail's count where there is one,
     * the figure of the plan it executed for the rest. Empty before an apply's reports were written.
     */
    public Optional<PlanCounts> didAsReported() {
        return done.map(counts::plus);
    }

    static StoredSummary fromJson(String json) {
        if (json == null) {
            return none();
        }
        Map<String, Object> read = PlanStore.JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        return new StoredSummary(PlanCounts.fromJson(read), text(read, "fingerprint"),
                text(read, "source_fingerprint_before"),
                read.get("done") instanceof Map<?, ?> done ? Optional.of(PlanCounts.fromJson(cast(done))) : Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> json) {
        return (Map<String, ?>) json;
    }

    private static Optional<String> text(Map<String, Object> read, String key) {
        return Optional.ofNullable(read.get(key)).map(Object::toString);
    }

    /** The summary an apply of an unchanged plan stores: the approved plan's counts, its fingerprint, the sources'. */
    public Map<String, Object> forApply(String merger, String fingerprint, String sourceBefore) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("merger", merger);
        summary.put("mode", RunMode.APPLY.file());
        summary.put("status", PlanStatus.APPLIED.name());
        summary.putAll(counts.asJson());
        summary.put("fingerprint", fingerprint);
        summary.put("source_fingerprint_before", sourceBefore);
        return summary;
    }
}
