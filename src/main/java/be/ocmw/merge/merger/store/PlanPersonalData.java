package be.ocmw.merge.merger.store;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The merger's stored plans: each change's values (an account's INSZ, names, e-mail) and the findings' words. The
 * plans' fingerprints, counts and summaries stay: they were computed from the full values and are not computed again.
 */
@Component
class PlanPersonalData extends PersonalDataTables {

    private static final String CHANGES = """
            from plan_change where plan_id in (select id from plan where merger_id = :merger)
              and detail <> jsonb_without_personal(detail)""";
    private static final String FINDINGS = """
            from finding where merger_id = :merger
              and (subject is distinct from without_insz(subject) or detail is distinct from without_insz(detail) or message is distinct from without_insz(message)
                   or args::text is distinct from without_insz(args::text))""";

    private static final String APPROVALS = """
            from approval where merger_id = :merger
              and (comment is distinct from without_insz(comment) or withdraw_comment is distinct from without_insz(withdraw_comment))""";

    PlanPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(
                new Target("plan_change", "changes of stored plans", CHANGES,
                        "update plan_change set detail = jsonb_without_personal(detail) "
                                + CHANGES.substring(CHANGES.indexOf("where"))),
                new Target("finding", "findings quoting national numbers", FINDINGS,
                        "update finding set subject = without_insz(subject), detail = without_insz(detail), message = without_insz(message), args = cast(without_insz(args::text) as jsonb) "
                                + FINDINGS.substring(FINDINGS.indexOf("where"))),
                new Target("approval", "approval comments quoting national numbers", APPROVALS,
                        "update approval set comment = without_insz(comment), withdraw_comment = without_insz(withdraw_comment) "
                                + APPROVALS.substring(APPROVALS.indexOf("where")))));
    }
}
