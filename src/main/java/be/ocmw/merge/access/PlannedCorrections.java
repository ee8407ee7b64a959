package be.ocmw.merge.access;

import be.ocmw.merge.access.internal.StoredAccessChanges;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlannedRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** What a stored plan takes away from the merged OCMW, as the merger's page and the apply page list it. */
@Component
class PlannedCorrections implements PlannedRows.Corrections {

    private final JdbcClient jdbc;

    PlannedCorrections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PlanChange.Correction> of(long rows) {
        return new StoredAccessChanges(jdbc).corrections(rows);
    }
}
