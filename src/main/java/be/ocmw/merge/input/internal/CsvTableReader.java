package be.ocmw.merge.input.internal;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.input.SourceRow;
import be.ocmw.merge.input.TableReader;
import be.ocmw.merge.input.UnreadableFileException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file, streamed. The encoding is UTF-8 when the file starts with a UTF-8 BOM or is valid UTF-8
 * throughout (checked in a first streaming pass), Windows-1252 otherwise; UTF-16 with a BOM is read too.
 * The separator is {@code ;} unless the header uses {@code ,} (or tabs) instead. Quoted fields may hold
 * separators, doubled quotes and line breaks.
 */
public final class CsvTableReader implements TableReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final Reader reader;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private final char separator;
    private final List<String> header;
    private final int headerRow;
    private int line = 1;

    private CsvTableReader(Path file, Reader reader) throws IOException {
        this.file = file;
        this.reader = reader;
        this.separator = guessSeparator();
        SourceRow headerRecord = readRecord();
        while (headerRecord != null && headerRecord.blank()) {
            headerRecord = readRecord();
        }
        if (headerRecord == null) {
            throw new UnreadableFileException(file, Reason.of("file.empty"));
        }
        this.header = headerRecord.cells();
        this.headerRow = headerRecord.number();
    }

    public static CsvTableReader open(Path file) {
        Reader reader = null;
        try {
            Charset charset = detectCharset(file);
            InputStream in = Files.newInputStream(file);
            skipBom(in, charset);
            reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            return new CsvTableReader(file, reader);
        } catch (IOException e) {
            closeQuietly(reader);
            throw new UnreadableFileException(file, Reason.of("file.io", e.getMessage()), e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** UTF-8 if it has a BOM or decodes cleanly from start to end; UTF-16 with a BOM; else Windows-1252. */
    static Charset detectCharset(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(4);
            if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            if (start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (start.length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            if (start.length >= 2 && start[0] == 'P' && start[1] == 'K') {
                throw new UnreadableFileException(file, Reason.of("csv.zip"));
            }
            for (byte b : start) {
                if (b == 0) {
                    throw new UnreadableFileException(file, Reason.of("csv.binary"));
                }
            }
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader utf8 = new InputStreamReader(new SequenceInputStream(new ByteArrayInputStream(start), in), strict)) {
                char[] sink = new char[BUFFER];
                while (utf8.read(sink) >= 0) {
                    // reading through is the check
                }
                return StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                return WINDOWS_1252;
            }
        }
    }

    /** UTF-16's BOM is skipped here; a UTF-8 BOM is skipped when the separator is guessed. */
    private static void skipBom(InputStream in, Charset charset) throws IOException {
        if (charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE) {
            in.readNBytes(2);
        }
    }

    /** {@code ;} unless the first line has none and uses tabs or commas instead. */
    private char guessSeparator() throws IOException {
        fill();
        int end = position;
        while (end < limit && buffer[end] != '\n') {
            end++;
        }
        String first = new String(buffer, position, end - position);
        if (first.startsWith("\uFEFF")) {
            position++;
            first = first.substring(1);
        }
        return first.indexOf(';') >= 0 ? ';' : first.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        limit = reader.read(buffer, 0, BUFFER);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    /** The next character, or -1 at the end. */
    private int read() throws IOException {
        return fill() ? buffer[position++] : -1;
    }

    /** The next character without taking it, or -1 at the end. */
    private int peek() throws IOException {
        return fill() ? buffer[position] : -1;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int headerRowNumber() {
        return headerRow;
    }

    @Override
    public SourceRow next() {
        try {
            return readRecord();
        } catch (IOException e) {
            throw new UnreadableFileException(file, Reason.of("file.stopped.line", line, e.getMessage()), e);
        }
    }

    /** One record, or null at the end of the file. */
    private SourceRow readRecord() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new UnreadableFileException(file, Reason.of("csv.quote", start));
                }
                cells.add(clean(cell));
                return new SourceRow(start, cells);
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (ch == separator) {
                cells.add(clean(cell));
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                cells.add(clean(cell));
                return new SourceRow(start, cells);
            } else {
                cell.append(ch);
            }
            c = read();
        }
    }

    private static String clean(StringBuilder cell) {
        return cell.toString().replace('\u00a0', ' ').strip();
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private static void closeQuietly(Reader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing more to read from it either way
            }
        }
    }
}
