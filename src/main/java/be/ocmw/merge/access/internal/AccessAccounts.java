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
        jdbc.sql("select domain, username, applications from live_account where kbo = :kbo").param("kbo", kbo)
                .query(rs -> {
                    Loaded account = new Loaded(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()));
                    accounts.put(LoadedAccounts.key(account.domain(), account.username()), account);
                });
        return accounts;
    }
}
