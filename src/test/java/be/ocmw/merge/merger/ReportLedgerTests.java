package be.ocmw.merge.merger;

import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether the reports in a folder may show full INSZ is known from the moment they are begun, not when they end. */
class ReportLedgerTests extends DatabaseTest {

    @Autowired
    ReportLedger ledger;

    @Autowired
    Registry registry;

    @TempDir
    Path folder;

    @Test
    void fullInszReportsCloseTheFolderFromTheirStartUntilMaskedOnesHaveReplacedThem() {
        Merger merger = registry.current().find("pajottegem").orElseThrow();
        ledger.completed(ledger.started(merger, RunMode.PLAN, folder, null, false));
        assertThat(ledger.showsFullInsz(folder, RunMode.PLAN)).isFalse();

        // a report with full INSZ begun: its files may be appearing already
        long full = ledger.started(merger, RunMode.PLAN, folder, null, true);
        assertThat(ledger.showsFullInsz(folder, RunMode.PLAN)).isTrue();
        ledger.completed(full);

        // masked reports begun: until every file of theirs is in place, some may still be the full ones
        long masked = ledger.started(merger, RunMode.PLAN, folder, null, false);
        assertThat(ledger.showsFullInsz(folder, RunMode.PLAN)).isTrue();
        ledger.completed(masked);
        assertThat(ledger.showsFullInsz(folder, RunMode.PLAN)).isFalse();

        // a full one that never finished (the process stopped) keeps it closed until a masked one completes
        ledger.started(merger, RunMode.PLAN, folder, null, true);
        assertThat(ledger.showsFullInsz(folder, RunMode.PLAN)).isTrue();
        assertThat(ledger.showsFullInsz(folder, RunMode.APPLY)).as("another mode's reports").isFalse();
        ledger.completed(ledger.started(merger, RunMode.PLAN, folder, null, false));
        assertThat(ledger.showsFullInsz(folder, RunMode.PLAN)).isFalse();
    }

    @Test
    void theMarkOfAnOlderVersionStillClosesTheFolder() throws Exception {
        Files.writeString(ReportLedger.legacyMark(folder, RunMode.APPLY), "apply.xlsx shows full INSZ\n");

        assertThat(ledger.showsFullInsz(folder, RunMode.APPLY)).isTrue();
        assertThat(ledger.showsFullInsz(folder, RunMode.PLAN)).isFalse();
    }
}
