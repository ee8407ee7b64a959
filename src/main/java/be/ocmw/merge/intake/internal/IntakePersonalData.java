package be.ocmw.merge.intake.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The access managers the merger's HTB submissions designated, and the staged rows of its OCMWs' workbooks (an intake
 * killed before it finished leaves them): INSZ, names, e-mail and phone.
 */
@Component
class IntakePersonalData extends PersonalDataTables {

    private static final String ROWS = """
            from submission_administrator a join submission s on s.id = a.submission_id
            where s.merger_id = :merger and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')""";

    private static final String STAGED = """
            from staged_administrator a join load_file f on f.id = a.load_file_id
            where f.kbo = any(:kbos) and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')""";

    IntakePersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("submission_administrator", "administrators of HTB submissions", ROWS, """
                update submission_administrator a set insz = '00000000000', last_name = '', first_name = '', email = '',
                       phone = null
                from submission s where s.id = a.submission_id and s.merger_id = :merger
                  and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')"""),
                new Target("staged_administrator", "staged rows of HTB submissions", STAGED, """
                        update staged_administrator a set insz = '00000000000', last_name = '', first_name = '', email = '',
                               phone = null
                        from load_file f where f.id = a.load_file_id and f.kbo = any(:kbos)
                          and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')""")));
    }
}
