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
}
