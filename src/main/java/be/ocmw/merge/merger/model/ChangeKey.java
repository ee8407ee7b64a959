package be.ocmw.merge.merger.model;

import java.util.Comparator;

/**
 * What identifies a planned change across two plans (its kind, the organisation it changes, the domain, the subject),
 * so that what differs between the approved plan and the plan computed now can be said: compared as a value, shown as
 * a line {@code kind|target|domain|subject}.
 */
public record ChangeKey(ChangeKind kind, String targetKbo, String domain, String subject) implements Comparable<ChangeKey> {

    private static final Comparator<ChangeKey> ORDER = Comparator.comparing(ChangeKey::line);

    public static ChangeKey of(PlanChange change) {
        return new ChangeKey(change.kind(), change.targetKbo() == null ? null : change.targetKbo().digits(), change.domain(),
                change.subject());
    }

    /** How a reason shows it: the change's codes and names, the same in every language. */
    public String line() {
        return kind + "|" + targetKbo + "|" + domain + "|" + subject;
    }

    @Override
    public int compareTo(ChangeKey other) {
        return ORDER.compare(this, other);
    }
}
