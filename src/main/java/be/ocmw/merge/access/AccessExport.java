package be.ocmw.merge.access;

import be.ocmw.merge.domain.Role;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.CsvWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code export access KBO}: the organisation's current accounts in the portal's format, one CSV per
 * domain in {@code DIR/<KBO>/}, accounts sorted by username and applications by name, so that export,
 * load and export again give identical files.
 */
@Component
public class AccessExport {

    private final JdbcClient jdbc;

    AccessExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the files and returns the number of accounts per domain. */
    public Map<String, Integer> export(Kbo kbo, Path dir) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> domains = jdbc.sql("select distinct domain from live_account where kbo = :kbo order by domain")
                .param("kbo", kbo.digits()).query(String.class).list();
        for (String domain : domains) {
            Path file = dir.resolve(kbo.digits()).resolve(domain + ".csv");
            try (CsvWriter csv = CsvWriter.create(file)) {
                csv.row(AccessFormat.COLUMNS.stream().map(c -> c.name()).toList());
                int[] count = {0};
                jdbc.sql("""
                                select last_name, first_name, username, role, insz, status, email, language,
                                       array_to_string(applications, '|') as applications
                                from live_account where kbo = :kbo and domain = :domain
                                order by username""")
                        .param("kbo", kbo.digits()).param("domain", domain)
                        .query(rs -> {
                            try {
                                String insz = rs.getString("insz");
                                csv.row(List.of(rs.getString("last_name"), rs.getString("first_name"),
                                        rs.getString("username"), Role.valueOf(rs.getString("role")).label(),
                                        insz == null ? "" : new Insz(insz).formatted(),
                                        "ACTIEF".equals(rs.getString("status")) ? "Actief" : "Geblokkeerd",
                                        rs.getString("applications"), nullToEmpty(rs.getString("email")),
                                        nullToEmpty(rs.getString("language"))));
                                count[0]++;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                counts.put(domain, count[0]);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return counts;
    }

    /** How many persons (distinct INSZ) the export of the organisation names. */
    public long persons(Kbo kbo) {
        return jdbc.sql("select count(distinct insz) from live_account where kbo = :kbo").param("kbo", kbo.digits())
                .query(Long.class).single();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
