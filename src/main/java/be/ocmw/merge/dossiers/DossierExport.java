package be.ocmw.merge.dossiers;

import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.Cells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code export dossiers}: the dossiers in the load format plus {@code predecessor} ({@code KBO/reference}
 * of the dossier a reopened one continues). Sorted by KBO and reference, so exporting twice gives the
 * same file, and loading an export changes nothing.
 */
@Component
public class DossierExport {

    static final String HEADER = "reference;type;insz;kbo;start_date;end_date;predecessor";

    private final JdbcClient jdbc;

    DossierExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the file and returns how many dossiers it holds. */
    public int export(Path file, Kbo kbo) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.write("\r\n");
                int[] count = {0};
                jdbc.sql("""
                                select d.reference, d.type, d.insz, d.kbo, d.start_date, d.end_date,
                                       p.kbo as predecessor_kbo, p.reference as predecessor_reference
                                from dossier d left join dossier p on p.id = d.predecessor_id
                                where (cast(:kbo as text) is null or d.kbo = :kbo)
                                order by d.kbo, d.reference""")
                        .param("kbo", kbo == null ? null : kbo.digits())
                        .query(rs -> {
                            try {
                                String predecessor = rs.getString("predecessor_kbo") == null ? ""
                                        : rs.getString("predecessor_kbo") + "/" + rs.getString("predecessor_reference");
                                out.write(String.join(";", field(rs.getString("reference")), rs.getString("type"),
                                        rs.getString("insz"), rs.getString("kbo"), rs.getString("start_date"),
                                        rs.getString("end_date") == null ? "" : rs.getString("end_date"), field(predecessor)));
                                out.write("\r\n");
                                count[0]++;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                return count[0];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A CSV field: quoted when it holds a separator, quote or line break; never executable as a formula. */
    static String field(String value) {
        String safe = Cells.neutralised(value);
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || !safe.equals(safe.strip())) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
