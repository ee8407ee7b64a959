package be.ocmw.merge.batch.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The rejected rows of the merger's files and submissions, whose reasons quote the values they refused. */
@Component
class BatchPersonalData extends PersonalDataTables {

    private static final String REJECTED = """
            from rejected_row where (merger_id = :merger or kbo = any(:kbos))
              and (reason is distinct from without_insz(reason) or reason_words::text is distinct from without_insz(reason_words::text))""";

    BatchPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(
                new Target("rejected_row", "rejected rows quoting national numbers", REJECTED,
                        "update rejected_row set reason = without_insz(reason), "
                                + "reason_words = cast(without_insz(reason_words::text) as jsonb) "
                                + REJECTED.substring(REJECTED.indexOf("where")))));
    }
}
