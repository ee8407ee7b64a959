package be.ocmw.merge.support;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real workbooks written by POI for tests: values, dates, formulas, and the damaged kinds real life sends. */
public final class Workbooks {

    /** A cell holding a formula, written with its computed value as Excel would. */
    public record Formula(String expression) {
    }

    private Workbooks() {
    }

    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** One sheet. */
    public static Path xlsx(Path file, String sheet, List<List<Object>> rows) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put(sheet, rows);
        return xlsx(file, sheets);
    }

    /** Several sheets, in order. Strings, numbers, LocalDates (as date cells) and Formulas. */
    public static Path xlsx(Path file, Map<String, List<List<Object>>> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook, sheets);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            write(workbook, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An old Excel 97-2003 workbook. */
    public static Path xls(Path file, String sheet, List<List<Object>> rows) {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
            sheets.put(sheet, rows);
            fill(workbook, sheets);
            write(workbook, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook encrypted with a password, as Excel's "Protect Workbook > Encrypt with Password" does. */
    public static Path encrypted(Path plain, Path file, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
                 OutputStream out = encryptor.getDataStream(fs)) {
                opc.save(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A workbook whose content expands to over a thousand times its compressed size. */
    public static Path zipBomb(Path file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Gebruikers");
            String filler = "a".repeat(32_000);
            for (int r = 0; r < 400; r++) {
                sheet.createRow(r).createCell(0).setCellValue(filler.substring(0, 31_000) + r);
            }
            write(workbook, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook written the way other tools write one, part by part: the given {@code <sheetData>} content,
     * workbook properties (e.g. {@code date1904="1"}) and {@code <cellXfs>} styles (custom formats from 164).
     */
    public static Path handWritten(Path file, String workbookProperties, String numberFormats, String cellStyles,
                                   String sheetData) {
        return handWritten(file, workbookProperties, numberFormats, cellStyles, null, sheetData);
    }

    /** The same, with a shared-strings part holding the given {@code <si>} items. */
    public static Path handWritten(Path file, String workbookProperties, String numberFormats, String cellStyles,
                                   String sharedStrings, String sheetData) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""");
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                </Relationships>""");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\""
                + rels + "\"><workbookPr " + workbookProperties + "/><sheets><sheet name=\"Gebruikers\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>");
        parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + main + "\"><numFmts>"
                + numberFormats + "</numFmts><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills>"
                + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs>"
                + cellStyles + "</cellXfs></styleSheet>");
        if (sharedStrings != null) {
            parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + main + "\">"
                    + sharedStrings + "</sst>");
        } else {
            parts.put("[Content_Types].xml", parts.get("[Content_Types].xml").replaceAll("<Override PartName=\"/xl/sharedStrings.xml\"[^>]*>", ""));
            parts.put("xl/_rels/workbook.xml.rels", parts.get("xl/_rels/workbook.xml.rels").replaceAll("<Relationship Id=\"rId3\"[^>]*>", ""));
        }
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main
                + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
                for (Map.Entry<String, String> part : parts.entrySet()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                    zip.write(part.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first half of a valid workbook: what an interrupted download leaves. */
    public static Path truncated(Path valid, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(valid);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Workbook workbook, Map<String, List<List<Object>>> sheets) {
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        sheets.forEach((name, rows) -> {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                List<Object> values = rows.get(r);
                if (values == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Formula formula) {
                        cell.setCellFormula(formula.expression());
                    } else if (value instanceof Boolean bool) {
                        cell.setCellValue(bool);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
        });
    }

    private static void write(Workbook workbook, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}
