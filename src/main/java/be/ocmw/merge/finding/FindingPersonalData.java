package be.ocmw.merge.finding;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The findings of a merger (the intake's and its plans') whose words quote a national number. */
@Component
class FindingPersonalData extends PersonalDataTables {

    private static final String FINDINGS = """
            from finding where merger_id = :merger
              and (subject is distinct from without_insz(subject) or detail is distinct from without_insz(detail) or message is distinct from without_insz(message)
                   or args::text is distinct from without_insz(args::text))""";

    FindingPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("finding", "findings quoting national numbers", FINDINGS,
                "update finding set subject = without_insz(subject), detail = without_insz(detail), message = without_insz(message), args = cast(without_insz(args::text) as jsonb) "
                        + FINDINGS.substring(FINDINGS.indexOf("where")))));
    }
}
