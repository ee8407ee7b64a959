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
        // set-based: the people under several usernames and each domain's catalogue once, joined to the accounts
        jdbc.sql("""
                        with a as (
                            select domain, username, last_name, first_name, insz, role, status, email, language, applications
                            from live_account where kbo = :kbo
                        ), twice as (
                            select domain, insz, array_agg(username order by username) as usernames
                            from a where insz is not null group by domain, insz having count(*) > 1
                        ), catalogue as (
                            select domain, array_agg(name) as names from known_application group by domain
                        )
                        select a.*,
                               case when t.usernames is null then '{}'
                                    else array(select x from unnest(t.usernames) x where x <> a.username) end as same_insz,
                               case when c.names is null then '{}'
                                    else array(select x from unnest(a.applications) x where x <> all (c.names) order by x) end
                                   as unknown
                        from a left join twice t on t.domain = a.domain and t.insz = a.insz
                               left join catalogue c on c.domain = a.domain
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
