package be.ocmw.merge.batch.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The loads' staged rows of the merger's OCMWs (dossiers, administrators) and the rejected rows of its files and
 * submissions, whose reasons quote the values they refused.
 */
@Component
class BatchPersonalData extends PersonalDataTables {

    private static final String DOSSIERS = "from staged_dossier where kbo = any(:kbos) and insz <> '00000000000'";
    private static final String ADMINISTRATORS = """
            from staged_administrator a join load_file f on f.id = a.load_file_id
            where f.kbo = any(:kbos) and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')""";
    private static final String REJECTED = """
            from rejected_row where (merger_id = :merger or kbo = any(:kbos))
              and (reason is distinct from without_insz(reason) or reason_words::text is distinct from without_insz(reason_words::text))""";

    BatchPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(
                new Target("staged_dossier", "staged dossier rows", DOSSIERS,
                        "update staged_dossier set insz = '00000000000' " + DOSSIERS.substring(DOSSIERS.indexOf("where"))),
                new Target("staged_administrator", "staged rows of HTB submissions", ADMINISTRATORS, """
                        update staged_administrator a set insz = '00000000000', last_name = '', first_name = '', email = '',
                               phone = null
                        from load_file f where f.id = a.load_file_id and f.kbo = any(:kbos)
                          and (a.insz <> '00000000000' or a.last_name <> '' or a.email <> '')"""),
                new Target("rejected_row", "rejected rows quoting national numbers", REJECTED,
                        "update rejected_row set reason = without_insz(reason), "
                                + "reason_words = cast(without_insz(reason_words::text) as jsonb) "
                                + REJECTED.substring(REJECTED.indexOf("where")))));
    }
}
