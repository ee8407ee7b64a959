package be.ocmw.merge.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** "Changes nothing", proven on content: an md5 of every row of each table, in a stable order. */
public final class ContentDigest {

    /** The organisations' data and the audit trail. */
    public static final List<String> ORGANISATIONS = List.of("organisation", "organisation_nis", "access_snapshot",
            "account", "dossier", "online_request", "online_request_link", "audit");

    private ContentDigest() {
    }

    public static String of(JdbcClient jdbc, List<String> tables) {
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            all.append(table).append('=').append(jdbc.sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) "
                    + "from " + table + " t").query(String.class).single()).append(';');
        }
        return all.toString();
    }
}
