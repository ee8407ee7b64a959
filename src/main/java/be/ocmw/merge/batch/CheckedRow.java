package be.ocmw.merge.batch;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A row of a file being loaded, already checked on the reading thread: what its check made of it, or why
 * the check refused it. The chunk only collects the outcome, so checking overlaps with writing the chunk before.
 */
public record CheckedRow<O>(SourceItem item, O result, RuntimeException refusal) {

    static <O> CheckedRow<O> check(ItemProcessor<SourceItem, O> check, SourceItem item) {
        try {
            // what no format's check should have to think of: a character that is not text at all
            var nul = item.withNul();
            if (nul.isPresent()) {
                return new CheckedRow<>(item, null, item.reject(nul.get(), "row.nul"));
            }
            return new CheckedRow<>(item, check.process(item), null);
        } catch (RuntimeException e) {
            return new CheckedRow<>(item, null, e);
        } catch (Exception e) {
            return new CheckedRow<>(item, null, new IllegalStateException(e.getMessage(), e));
        }
    }

    /** The checked row, or the refusal thrown here so that the step skips and records it as before. */
    public O outcome() {
        if (refusal != null) {
            throw refusal;
        }
        return result;
    }
}
