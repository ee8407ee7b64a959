package be.ocmw.merge.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The run log's command lines, outcomes and names that quote a national number: written so before command lines were
 * stored masked ({@code explain … --insz 81.02.16-678.72}). Not tied to one merger: a purge takes every one it finds.
 */
@Component
class RunLogPersonalData extends PersonalDataTables {

    private static final String ROWS = """
            from run where arguments is distinct from without_insz(arguments) or outcome is distinct from without_insz(outcome)
                        or actor is distinct from without_insz(actor)""";

    RunLogPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("run", "command lines and outcomes quoting national numbers", ROWS,
                "update run set arguments = without_insz(arguments), outcome = without_insz(outcome), "
                        + "actor = without_insz(actor) " + ROWS.substring(ROWS.indexOf("where")))));
    }
}
