package be.ocmw.merge.database;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** A feature's {@link Counted} as SQL over its own tables: per count, where it stands, its label and a select of one number. */
public class CountedTables implements Counted {

    /** One count: its position in {@code status}'s list, its label, and {@code select …} returning one number. */
    public record Query(int position, String label, String sql) {
    }

    private final JdbcClient jdbc;
    private final List<Query> queries;

    public CountedTables(JdbcClient jdbc, List<Query> queries) {
        this.jdbc = jdbc;
        this.queries = List.copyOf(queries);
    }

    @Override
    public List<Count> counts() {
        return queries.stream().map(q -> new Count(q.position(), q.label(), jdbc.sql(q.sql()).query(Long.class).single()))
                .toList();
    }
}
