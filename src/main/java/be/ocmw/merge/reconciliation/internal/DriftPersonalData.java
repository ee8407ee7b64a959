package be.ocmw.merge.reconciliation.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The drift the reconciliations found for the merger: its subjects and details may quote national numbers. */
@Component
class DriftPersonalData extends PersonalDataTables {

    private static final String ROWS = """
            from drift where merger_id = :merger
              and (subject is distinct from without_insz(subject) or detail is distinct from without_insz(detail)
                   or args::text is distinct from without_insz(args::text))""";

    DriftPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("drift", "drift found by the reconciliations", ROWS,
                "update drift set subject = without_insz(subject), detail = without_insz(detail), "
                        + "args = cast(without_insz(args::text) as jsonb) " + ROWS.substring(ROWS.indexOf("where")))));
    }
}
