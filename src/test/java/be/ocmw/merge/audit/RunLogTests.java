package be.ocmw.merge.audit;

import be.ocmw.merge.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class RunLogTests extends DatabaseTest {

    @Autowired
    RunLog runs;

    @Test
    void aRunIsRecordedWithItsArgumentsAndOutcome() {
        long run = runs.start("load dossiers", "load dossiers sample-data/dossiers.csv");

        assertThat(runs.recent(50)).filteredOn(r -> r.id() == run).singleElement()
                .satisfies(r -> assertThat(r.exitCode()).isNull());

        runs.finish(run, 3, "sample-data/dossiers.csv cannot be read");

        assertThat(runs.recent(50)).filteredOn(r -> r.id() == run).singleElement().satisfies(r -> {
            assertThat(r.command()).isEqualTo("load dossiers");
            assertThat(r.arguments()).isEqualTo("load dossiers sample-data/dossiers.csv");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.outcome()).contains("cannot be read");
            assertThat(r.finishedAt()).isAfterOrEqualTo(r.startedAt());
        });
    }

    @Test
    void theLatestRunComesFirst() {
        long first = runs.start("status", "status");
        long second = runs.start("status", "status");

        assertThat(runs.recent(2)).extracting(RunLog.RunRecord::id).containsExactly(second, first);
    }
}
