package be.ocmw.merge.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;

/** "Changes nothing" and "the same", proven on content: of database tables, or of the files of a folder. */
public final class ContentDigest {

    /**
     * The organisations' data and the audit trail of it (not the audit rows of approvals and applies: those record
     * who did what, which an apply that changes nothing does as well).
     */
    public static final List<String> ORGANISATIONS = List.of("organisation", "organisation_nis", "access_snapshot",
            "account", "dossier", "online_request", "online_request_link",
            "(select * from audit where table_name not in ('approval', 'plan', 'apply_schedule'))");

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

    /**
     * The files under a folder, by name and content: a workbook by its sheets and strings (a zip's entry times and
     * the document's creation date differ between two writes of the same content).
     */
    public static String ofFolder(Path folder) {
        try (var files = Files.walk(folder)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(folder.relativize(file).toString().getBytes());
                if (file.toString().endsWith(".xlsx")) {
                    try (ZipFile zip = new ZipFile(file.toFile())) {
                        for (var entry : zip.stream().filter(e -> e.getName().startsWith("xl/"))
                                .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).toList()) {
                            digest.update(entry.getName().getBytes());
                            digest.update(zip.getInputStream(entry).readAllBytes());
                        }
                    }
                } else {
                    digest.update(Files.readAllBytes(file));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
