package be.ocmw.merge.intake;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code template --out FILE}: the blank HTB submission workbook an OCMW fills in. */
public final class SubmissionTemplate {

    static final int ROWS_WITH_DROPDOWNS = 500;

    private static final List<String> INSTRUCTIONS = List.of(
            "HTB-inzending voor de fusie van OCMW's",
            "",
            "Met dit bestand duidt uw OCMW de beheerders aan van het gefusioneerde OCMW in het toegangsbeheer van de sociale zekerheid.",
            "1. Vul het blad 'OCMW' in: de fusie (zoals in de lijst van Vlaanderen, bv. pajottegem), het KBO-nummer van uw OCMW,",
            "   de naam van uw OCMW, de datum van indienen (dd/mm/jjjj) en wie indient (naam of e-mailadres).",
            "2. Vul het blad 'Beheerders' in, één rij per persoon:",
            "   - Rol: HTB (hoofdtoegangsbeheerder, één voor het hele OCMW), co-HTB, TB (toegangsbeheerder van één domein) of co-TB.",
            "   - Domein: verplicht voor TB en co-TB (bv. Maatschappelijk Welzijn), leeg voor HTB en co-HTB.",
            "   - INSZ (rijksregisternummer, bv. 85.07.30-033.28), Naam, Voornaam en E-mailadres zijn verplicht.",
            "   - Taal: NL, FR, DE of EN. Telefoon mag leeg blijven.",
            "3. Alle OCMW's van dezelfde fusie moeten dezelfde HTB aanduiden, en per domein dezelfde TB.",
            "4. Vermeld nooit een wachtwoord in dit bestand: zo'n kolom wordt niet gelezen.",
            "5. Bewaar als Excel-werkmap (.xlsx) en bezorg het vóór de deadline aan Vlaanderen.",
            "",
            "U krijgt een nagekeken kopie terug: afgewezen rijen zijn gemarkeerd, met de reden in een extra kolom.");

    private SubmissionTemplate() {
    }

    public static void write(Path file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet instructions = workbook.createSheet(SubmissionFormat.INSTRUCTIONS_SHEET);
            for (int i = 0; i < INSTRUCTIONS.size(); i++) {
                Cell cell = instructions.createRow(i).createCell(0);
                cell.setCellValue(INSTRUCTIONS.get(i));
                if (i == 0) {
                    cell.setCellStyle(bold);
                }
            }
            instructions.setColumnWidth(0, 130 * 256);

            Sheet ocmw = workbook.createSheet(SubmissionFormat.OCMW_SHEET);
            for (int i = 0; i < SubmissionFormat.OCMW_LABELS.size(); i++) {
                Cell label = ocmw.createRow(i).createCell(0);
                label.setCellValue(SubmissionFormat.OCMW_LABELS.get(i));
                label.setCellStyle(bold);
            }
            ocmw.setColumnWidth(0, 20 * 256);
            ocmw.setColumnWidth(1, 45 * 256);

            Sheet administrators = workbook.createSheet(SubmissionFormat.ADMINISTRATORS_SHEET);
            Row header = administrators.createRow(0);
            for (int i = 0; i < SubmissionFormat.COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(SubmissionFormat.COLUMNS.get(i).name());
                cell.setCellStyle(bold);
                administrators.setColumnWidth(i, (i == 1 ? 28 : 20) * 256);
            }
            administrators.createFreezePane(0, 1);
            dropdown(administrators, 0, SubmissionFormat.ROLES);
            dropdown(administrators, 6, SubmissionFormat.LANGUAGES);
            workbook.setActiveSheet(1);

            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void dropdown(Sheet sheet, int column, List<String> values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, ROWS_WITH_DROPDOWNS, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Ongeldige waarde", "Kies een waarde uit de lijst: " + String.join(", ", values));
        sheet.addValidationData(validation);
    }
}
