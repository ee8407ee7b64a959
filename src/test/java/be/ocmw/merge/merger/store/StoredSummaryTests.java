package be.ocmw.merge.merger.store;

import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredSummaryTests {

    @Test
    void aPlansSummaryHoldsItsCountsAndNoFingerprints() {
        StoredSummary read = StoredSummary.fromJson("""
                {"accounts": {"source": 108, "not_copied": 3}, "dossiers": {"to_close": 126}}""");

        assertThat(read.counts()).isEqualTo(PlanCounts.of(Count.SOURCE_ACCOUNTS, 108)
                .with(Count.NOT_COPIED, 3).with(Count.DOSSIERS_TO_CLOSE, 126));
        assertThat(read.fingerprint()).isEmpty();
        assertThat(read.sourceFingerprintBefore()).isEmpty();
    }

    @Test
    void anAppliesSummaryIsReadBackAsItWasStored() {
        StoredSummary approved = StoredSummary.fromJson("""
                {"grants": {"to_create": 240}}""");

        String stored = PlanStore.JSON.writeValueAsString(approved.forApply("pajottegem", "sha256:abc", "sha256:before"));
        StoredSummary read = StoredSummary.fromJson(stored);

        assertThat(stored).contains("\"mode\":\"apply\"", "\"status\":\"APPLIED\"", "\"merger\":\"pajottegem\"");
        assertThat(read.counts()).isEqualTo(PlanCounts.of(Count.GRANTS_TO_CREATE, 240));
        assertThat(read.fingerprint()).contains("sha256:abc");
        assertThat(read.sourceFingerprintBefore()).contains("sha256:before");
    }

    @Test
    void noSummaryIsNothingCounted() {
        assertThat(StoredSummary.fromJson(null)).isEqualTo(StoredSummary.none());
    }

    @Test
    void anAppliesFiguresAreWhatItsAuditTrailCountedAndThePlansOwnForTheRest() {
        StoredSummary reported = StoredSummary.fromJson("""
                {"accounts": {"source": 108, "to_create": 94, "not_copied": 3},
                 "done": {"accounts": {"to_create": 93}}}""");

        assertThat(reported.didAsReported()).contains(PlanCounts.of(Count.SOURCE_ACCOUNTS, 108)
                .with(Count.ACCOUNTS_TO_CREATE, 93).with(Count.NOT_COPIED, 3));
        assertThat(StoredSummary.fromJson("""
                {"accounts": {"to_create": 94}}""").didAsReported()).as("before its reports").isEmpty();
    }
}
