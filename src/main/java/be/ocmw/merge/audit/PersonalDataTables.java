package be.ocmw.merge.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * A feature's {@link PersonalData} as SQL over its own tables: per table, which rows of a merger's scope still hold
 * persons' data, and the update that pseudonymises them (the same condition, so a second purge finds nothing). The
 * statements take {@code :merger}, {@code :kbos} (text[]), {@code :plans} (bigint[]) and {@code :run}.
 */
public class PersonalDataTables implements PersonalData {

    /** One table: what it holds in words, the rows still holding it ({@code from ... where ...}), and the update. */
    public record Target(String table, String what, String rows, String purge) {
    }

    private final JdbcClient jdbc;
    private final List<Target> targets;

    public PersonalDataTables(JdbcClient jdbc, List<Target> targets) {
        this.jdbc = jdbc;
        this.targets = List.copyOf(targets);
    }

    @Override
    public List<Held> held(PurgeScope scope) {
        return targets.stream().map(target -> new Held(target.table(), target.what(),
                bind(jdbc.sql("select count(*) " + target.rows()), scope).query(Long.class).single())).toList();
    }

    @Override
    public List<Held> purge(PurgeScope scope) {
        return targets.stream().map(target -> new Held(target.table(), target.what(),
                bind(jdbc.sql(target.purge()), scope).update())).toList();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, PurgeScope scope) {
        return statement.param("merger", scope.mergerId()).param("kbos", scope.kboArray()).param("plans", scope.planArray())
                .param("run", scope.run());
    }
}
