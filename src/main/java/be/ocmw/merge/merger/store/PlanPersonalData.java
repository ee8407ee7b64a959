package be.ocmw.merge.merger.store;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The merger's own copies of what people typed: approval and withdrawal comments that quote a national number. (The
 * parts purge the changes they stored under the merger's plans, the finding module the plans' findings.)
 */
@Component
class PlanPersonalData extends PersonalDataTables {

    private static final String APPROVALS = """
            from approval where merger_id = :merger
              and (comment is distinct from without_insz(comment) or withdraw_comment is distinct from without_insz(withdraw_comment))""";

    PlanPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(
                new Target("approval", "approval comments quoting national numbers", APPROVALS,
                        "update approval set comment = without_insz(comment), withdraw_comment = without_insz(withdraw_comment) "
                                + APPROVALS.substring(APPROVALS.indexOf("where")))));
    }
}
