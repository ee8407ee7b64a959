package be.ocmw.merge.intake.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The access managers the merger's HTB submissions designated: INSZ, names, e-mail and phone. */
@Component
class IntakePersonalData extends PersonalDataTables {

    private static final String ROWS = """
            from submission_administrator a join submission s on s.id = a.submission_id
            where s.merger_id = :merger and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')""";

    IntakePersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("submission_administrator", "administrators of HTB submissions", ROWS, """
                update submission_administrator a set insz = '00000000000', last_name = '', first_name = '', email = '',
                       phone = null
                from submission s where s.id = a.submission_id and s.merger_id = :merger
                  and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')""")));
    }
}
