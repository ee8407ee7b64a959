package be.ocmw.merge.reporting;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A streamed report workbook as Excel (here POI) reads it: sheets in order, header, dates, numbers, text as text. */
class StreamingXlsxTests {

    @TempDir
    Path folder;

    @Test
    void aWorkbookReadsBackWithItsSheetsInOrderAndEveryValueOfTheRightKind() throws Exception {
        Path file = folder.resolve("report.xlsx");
        try (OutputStream out = Files.newOutputStream(file); StreamingXlsx workbook = new StreamingXlsx(out)) {
            StreamingXlsx.Sheet summary = workbook.later("Samenvatting", "Wat", "Waarde");
            StreamingXlsx.Sheet users = workbook.sheet("Gebruikers & co", "Naam", "Aantal", "Sinds");
            users.widths(30);
            users.row(1, "Dupont & <Zonen> \"BV\"", 3, LocalDate.of(2025, 1, 1));
            users.row(2, "=HYPERLINK(\"http://x\")", 2.5, "");
            users.row(3, "tab\there\u0001bell", -1L, null);
            summary.rows(List.of(List.of("Status", "KLAAR"), List.of("Gebruikers", 2)));
        }

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("Samenvatting");
            assertThat(workbook.getSheetName(1)).isEqualTo("Gebruikers & co");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("KLAAR");
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2);

            XSSFSheet users = workbook.getSheetAt(1);
            assertThat(users.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Naam");
            assertThat(workbook.getFontAt(users.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(users.getPaneInformation().isFreezePane()).isTrue();
            assertThat(users.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C1");
            assertThat(users.getColumnWidth(0)).isEqualTo(30 * 256);
            assertThat(users.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Dupont & <Zonen> \"BV\"");
            assertThat(users.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            var since = users.getRow(1).getCell(2);
            assertThat(since.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(since)).isTrue();
            assertThat(since.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate())
                    .isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(since.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(users.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(users.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(users.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2.5);
            assertThat(users.getRow(3).getCell(0).getStringCellValue()).isEqualTo("tab\therebell");
            assertThat(users.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(-1);
            for (var row : users) {
                row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
            }
        }
    }

    @Test
    void aSheetLongerThanExcelOpensGoesOnOnFollowingSheetsUnderTheSameHeaderAndSaysSo() throws Exception {
        // given sheets of at most 4 rows (the header and 3 more) instead of 1 048 576
        Path file = folder.resolve("long.xlsx");
        java.util.Map<String, List<String>> continued;
        try (OutputStream out = Files.newOutputStream(file); StreamingXlsx workbook = new StreamingXlsx(out, 4)) {
            StreamingXlsx.Sheet summary = workbook.later("Samenvatting", "Wat");
            StreamingXlsx.Sheet dossiers = workbook.sheet("Dossiers", "Referentie", "Nummer");
            dossiers.widths(20);
            // when 8 rows are written, then another sheet
            for (int r = 1; r <= 8; r++) {
                dossiers.row(r, "D-" + r, r);
            }
            workbook.sheet("Taken", "Taak").row(1, "HTB");
            continued = workbook.continued();
            summary.rows(List.of(List.of("klaar")));
        }

        // then the rows are on three sheets in order, each with the header, and the workbook says which
        assertThat(continued).containsExactly(java.util.Map.entry("Dossiers", List.of("Dossiers (2)", "Dossiers (3)")));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3), workbook.getSheetName(4)))
                    .containsExactly("Samenvatting", "Dossiers", "Dossiers (2)", "Dossiers (3)", "Taken");
            List<String> references = new java.util.ArrayList<>();
            for (int s = 1; s <= 3; s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Referentie");
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(3);
                assertThat(sheet.getColumnWidth(0)).isEqualTo(20 * 256);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    references.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(references).containsExactly("D-1", "D-2", "D-3", "D-4", "D-5", "D-6", "D-7", "D-8");
            assertThat(workbook.getSheetAt(4).getRow(1).getCell(0).getStringCellValue()).isEqualTo("HTB");
        }
    }

    @Test
    void aSheetOfAnyNumberOfColumnsAndDecimalsAsDecimals() throws Exception {
        Path file = folder.resolve("wide.xlsx");
        String[] headers = new String[800];
        Object[] values = new Object[800];
        for (int c = 0; c < headers.length; c++) {
            headers[c] = "K" + c;
            values[c] = c;
        }
        values[799] = new java.math.BigDecimal("2.5");
        values[798] = 0.125;
        try (OutputStream out = Files.newOutputStream(file); StreamingXlsx workbook = new StreamingXlsx(out)) {
            workbook.sheet("Breed", headers).row(1, values);
        }

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getLastCellNum()).isEqualTo((short) 800);
            assertThat(row.getCell(799).getNumericCellValue()).isEqualTo(2.5);
            assertThat(row.getCell(798).getNumericCellValue()).isEqualTo(0.125);
            assertThat(row.getCell(64).getNumericCellValue()).isEqualTo(64);
            assertThat(workbook.getSheetAt(0).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:ADT1");
        }
        assertThat(StreamingXlsx.column(16_383)).isEqualTo("XFD");
        assertThat(StreamingXlsx.EXCEL_ROWS).isEqualTo(1_048_576);
    }
}
