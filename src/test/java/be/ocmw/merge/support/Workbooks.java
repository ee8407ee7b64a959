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
