package be.ocmw.merge.access;

import be.ocmw.merge.domain.Role;
import be.ocmw.merge.merger.model.PlannedRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The administrators a stored plan gives the merged OCMW, as its reports and the merger's page list them. */
@Component
class PlannedAdministrators implements PlannedRows.Administrators {

    private final JdbcClient jdbc;

    PlannedAdministrators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PlannedRows.Administrator> of(long rows) {
        return jdbc.sql("""
                        select kind, domain, detail->>'role' as role, detail->>'username' as username,
                               detail->>'first_name' as first_name, detail->>'last_name' as last_name, detail->>'insz' as insz,
                               detail->>'email' as email
                        from plan_change where plan_id = :id and kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT')
                          and detail->>'role' in ('HTB', 'CO_HTB', 'TB', 'CO_TB')
                        order by seq""")
                .param("id", rows)
                .query((rs, n) -> new PlannedRows.Administrator(rs.getString("kind").equals("CREATE_ACCOUNT"),
                        rs.getString("domain"), Role.valueOf(rs.getString("role")), rs.getString("username"),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("insz"), rs.getString("email")))
                .list();
    }
}
