package be.ocmw.merge.access;

import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the access tables hold now, for those who decide on it: whether an OCMW's access is loaded (the plan, the
 * reconciliation), and after an apply what only people can judge (the reconciliation).
 */
@Component
public class AccessState {

    /** A merged OCMW's account that is active while the person is blocked in every old OCMW that has them. */
    public record BlockedAtSources(String sourceKbo, String domain, String username, Insz insz, String firstName,
                                   String lastName) {
    }

    private final JdbcClient jdbc;

    AccessState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the access of any of these KBOs is loaded (a current snapshot of a domain). */
    public boolean loaded(List<String> kbos) {
        return jdbc.sql("select exists (select 1 from access_snapshot where kbo = any(:k) and status = 'CURRENT')")
                .param("k", kbos.toArray(String[]::new)).query(Boolean.class).single();
    }

    /** How many accounts the merged OCMW has. */
    public long targetAccounts(Merger merger) {
        return jdbc.sql("select count(*) from live_account where kbo = :k").param("k", merger.target().kbo().digits())
                .query(Long.class).single();
    }

    /** The merged OCMW's active accounts of people blocked in every old OCMW that has them. */
    public List<BlockedAtSources> blockedAtSources(Merger merger) {
        String[] sources = merger.disappearing().stream().map(o -> o.kbo().digits()).toArray(String[]::new);
        return jdbc.sql("""
                        select t.domain, t.username, t.insz, t.first_name, t.last_name, min(s.kbo) as source
                        from live_account t join live_account s on s.insz = t.insz and s.domain = t.domain and s.kbo = any(:sources)
                        where t.kbo = :target and t.status = 'ACTIEF'
                        group by t.domain, t.username, t.insz, t.first_name, t.last_name
                        having bool_and(s.status = 'GEBLOKKEERD')
                        order by t.domain, t.username""")
                .param("sources", sources).param("target", merger.target().kbo().digits())
                .query((rs, n) -> new BlockedAtSources(rs.getString("source"), rs.getString("domain"), rs.getString("username"),
                        new Insz(rs.getString("insz")), rs.getString("first_name"), rs.getString("last_name")))
                .list();
    }
}
