package be.ocmw.merge.merger.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a plan, or of what an apply did: a value per {@link Count}, absent when the plan does not count it (a
 * part that was not planned). Parts each contribute the counts of their own groups; {@link #plus} puts them together.
 */
public record PlanCounts(Map<Count, Integer> values) {

    public PlanCounts {
        EnumMap<Count, Integer> copy = new EnumMap<>(Count.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    public static PlanCounts none() {
        return new PlanCounts(Map.of());
    }

    public static PlanCounts of(Count count, int value) {
        return none().with(count, value);
    }

    /** These counts with {@code count} set to {@code value}. */
    public PlanCounts with(Count count, int value) {
        EnumMap<Count, Integer> next = new EnumMap<>(Count.class);
        next.putAll(values);
        next.put(count, value);
        return new PlanCounts(next);
    }

    /** These counts and {@code other}'s; where both count the same, {@code other}'s value. */
    public PlanCounts plus(PlanCounts other) {
        EnumMap<Count, Integer> next = new EnumMap<>(Count.class);
        next.putAll(values);
        next.putAll(other.values);
        return new PlanCounts(next);
    }

    /** Only the counts of {@code group}. */
    public PlanCounts of(Count.Group group) {
        EnumMap<Count, Integer> only = new EnumMap<>(Count.class);
        values.forEach((count, value) -> {
            if (count.group() == group) {
                only.put(count, value);
            }
        });
        return new PlanCounts(only);
    }

    /**
     * How many things a plan with these counts does: accounts created or updated, dossiers closed (and reopened),
     * requests linked, roles withdrawn, accounts blocked and accounts whose applications are withdrawn. Zero for a plan
     * that changes nothing (organisation changes aside, which are not counted).
     */
    public int toDo() {
        return get(Count.ACCOUNTS_TO_CREATE) + get(Count.ACCOUNTS_TO_UPDATE) + get(Count.DOSSIERS_TO_CLOSE)
                + get(Count.REQUESTS_TO_RELINK) + get(Count.ROLES_WITHDRAWN) + get(Count.ACCOUNTS_BLOCKED)
                + get(Count.APPLICATIONS_WITHDRAWN);
    }

    public boolean has(Count count) {
        return values.containsKey(count);
    }

    /** The value of {@code count}; 0 when it is not counted. */
    public int get(Count count) {
        return values.getOrDefault(count, 0);
    }

    /** As {@code summary.json} and {@code plan.summary} hold them: group, then count, in {@link Count}'s order. */
    public Map<String, Map<String, Integer>> asJson() {
        Map<String, Map<String, Integer>> json = new LinkedHashMap<>();
        values.forEach((count, value) -> json.computeIfAbsent(count.group().key(), g -> new LinkedHashMap<>())
                .put(count.key(), value));
        return json;
    }

    /** The counts as the console and the mails write them, a line per group: "accounts: to_create 94, …". */
    public List<String> lines() {
        return asJson().entrySet().stream().map(group -> group.getKey() + ": " + group.getValue().entrySet().stream()
                .map(count -> count.getKey() + " " + count.getValue()).collect(java.util.stream.Collectors.joining(", ")))
                .toList();
    }

    /** The counts a stored summary holds (its other entries, and anything not a count, are not counts). */
    public static PlanCounts fromJson(Map<String, ?> summary) {
        EnumMap<Count, Integer> counts = new EnumMap<>(Count.class);
        summary.forEach((group, values) -> {
            if (values instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    if (value instanceof Number n) {
                        Count.of(group, key.toString()).ifPresent(count -> counts.put(count, n.intValue()));
                    }
                });
            }
        });
        return new PlanCounts(counts);
    }
}
