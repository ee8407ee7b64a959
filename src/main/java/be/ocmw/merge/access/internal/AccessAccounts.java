package be.ocmw.merge.access.internal;

import be.ocmw.merge.intake.LoadedAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The accounts of an organisation as loaded, for the intake's check of a workbook's review rows. */
@Component
class AccessAccounts implements LoadedAccounts {

    private final JdbcClient jdbc;

    AccessAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Loaded> of(String kbo) {
        Map<String, Loaded> accounts = new HashMap<>();
        jdbc.sql("select domain, username, insz, applications from live_account where kbo = :kbo").param("kbo", kbo)
                .query(rs -> {
                    Loaded account = new Loaded(rs.getString(1), rs.getString(2), rs.getString(3),
                            List.of((String[]) rs.getArray(4).getArray()));
                    accounts.put(LoadedAccounts.key(account.domain(), account.username()), account);
                });
        return accounts;
    }

    @Override
    public java.util.Optional<String> htbEmail(String kbo) {
        return jdbc.sql("""
                        select email from live_account where kbo = :kbo and role = 'HTB' and status = 'ACTIEF'
                          and coalesce(email, '') <> '' order by username limit 1""")
                .param("kbo", kbo).query(String.class).optional();
    }

    @Override
    public void each(String kbo, java.util.function.Consumer<Listed> each) {
        // the suggestions worked out by the database beside the rows: the person's other usernames in the domain,
        // the applications the domain's catalogue does not know
        jdbc.sql("""
                        select a.domain, a.username, a.last_name, a.first_name, a.insz, a.role, a.status, a.email, a.language,
                               a.applications,
                               case when a.insz is null then '{}' else array(
                                   select o.username from live_account o
                                   where o.kbo = a.kbo and o.domain = a.domain and o.insz = a.insz and o.username <> a.username
                                   order by o.username) end as same_insz,
                               case when not exists (select 1 from known_application k where k.domain = a.domain) then '{}'
                                    else array(select x from unnest(a.applications) x
                                               where not exists (select 1 from known_application k
                                                                 where k.domain = a.domain and k.name = x)
                                               order by x) end as unknown
                        from live_account a where a.kbo = :kbo
                        order by a.domain <> :main, a.domain, a.username""")
                .param("kbo", kbo).param("main", be.ocmw.merge.access.AccessFormat.MAIN_ADMINISTRATORS)
                .withFetchSize(1000)
                .query(rs -> {
                    each.accept(new Listed(rs.getString("domain"), rs.getString("username"), rs.getString("last_name"),
                            rs.getString("first_name"),
                            rs.getString("insz") == null ? null : new be.ocmw.merge.domain.Insz(rs.getString("insz")),
                            be.ocmw.merge.domain.Role.valueOf(rs.getString("role")),
                            be.ocmw.merge.domain.AccountStatus.valueOf(rs.getString("status")), rs.getString("email"),
                            rs.getString("language"), List.of((String[]) rs.getArray("applications").getArray()),
                            List.of((String[]) rs.getArray("same_insz").getArray()),
                            List.of((String[]) rs.getArray("unknown").getArray())));
                });
    }
}
