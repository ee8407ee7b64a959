package be.ocmw.merge.input;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes CSV the way the loaders read it: UTF-8 with a BOM (so Excel shows accents), {@code ;}, CRLF,
 * quotes only where needed, and no field a spreadsheet would execute as a formula.
 */
public final class CsvWriter implements AutoCloseable {

    private final BufferedWriter out;

    private CsvWriter(BufferedWriter out) {
        this.out = out;
    }

    public static CsvWriter create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream stream = Files.newOutputStream(file);
        stream.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16));
    }

    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(field(fields.get(i) == null ? "" : fields.get(i)));
        }
        out.write("\r\n");
    }

    /** A CSV field: quoted when it holds a separator, quote or line break; never executable as a formula. */
    public static String field(String value) {
        String safe = Cells.neutralised(value);
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || !safe.equals(safe.strip())) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
