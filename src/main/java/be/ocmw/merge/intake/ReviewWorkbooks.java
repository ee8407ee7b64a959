package be.ocmw.merge.intake;

import be.ocmw.merge.domain.Language;
import be.ocmw.merge.input.Column;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import be.ocmw.merge.reporting.ReportText;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code template MERGER --out DIR} (SPEC 4.5): per participant the HTB submission pre-filled from what is loaded, with
 * the review of its current access (sheet {@code Gebruikers}), in the merger's language. A disappearing OCMW says per
 * account whether it is copied; the OCMW that stays (scenarios 2 and 3), and the merged OCMW after the apply, whether
 * it keeps or blocks it. Written streaming (a window of rows in memory), so that 100 000 accounts take seconds and
 * little heap. INSZ are masked: a masked administrator kept in {@code Beheerders} is read back as the person of that
 * organisation who has that number.
 */
@Component
public class ReviewWorkbooks {

    /** One workbook written: its file, the organisation, whether it is the merged OCMW's form, and how many accounts. */
    public record Written(Path file, Ocmw organisation, boolean merged, int accounts) {
    }

    private static final int DROPDOWN_ROWS = 500;

    private final LoadedAccounts accounts;

    ReviewWorkbooks(LoadedAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Writes the workbooks of the merger into {@code dir/<merger>/}: one per participant, or after the apply
     * ({@code applied}) one for the merged OCMW; in {@code language} (null: the merger's).
     */
    public List<Written> write(Merger merger, Path dir, boolean applied, Language language) {
        return write(merger, dir, applied, language, null);
    }

    /** The same, for the organisation {@code only} alone (null: every one); none when it has no workbook. */
    public List<Written> write(Merger merger, Path dir, boolean applied, Language language, be.ocmw.merge.domain.Kbo only) {
        Language lang = language == null ? merger.language() : language;
        Path folder = dir.resolve(merger.id());
        List<Written> written = new ArrayList<>();
        List<Ocmw> organisations = applied ? List.of(merger.target()) : merger.participants();
        for (Ocmw organisation : organisations) {
            if (only != null && !only.equals(organisation.kbo())) {
                continue;
            }
            boolean merged = applied || organisation.kbo().equals(merger.target().kbo());
            Path file = folder.resolve(organisation.kbo().digits() + "-" + safe(organisation.name()) + ".xlsx");
            written.add(new Written(file, organisation, merged, write(merger, organisation, merged, lang, file)));
        }
        return written;
    }

    private int write(Merger merger, Ocmw organisation, boolean merged, Language language, Path file) {
        ReportText text = ReportText.of(language.locale());
        boolean french = language == Language.FRENCH;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            Sheet instructions = workbook.createSheet(SubmissionFormat.INSTRUCTIONS_SHEET);
            String[] lines = text.get(merged ? "template.instructions.merged" : "template.instructions.participant",
                    merger.name(), organisation.name(), ReportText.date(merger.deadline())).split("\n");
            for (int i = 0; i < lines.length; i++) {
                instructions.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            instructions.getRow(0).getCell(0).setCellStyle(styles.bold);
            instructions.setColumnWidth(0, 140 * 256);

            Sheet ocmw = workbook.createSheet(SubmissionFormat.OCMW_SHEET);
            String[][] values = {{merger.id(), text.get("template.ocmw.merger")},
                    {organisation.kbo().formatted(), text.get("template.ocmw.kbo")},
                    {organisation.name(), text.get("template.ocmw.name")},
                    {"", text.get("template.ocmw.submitted_on")}, {"", text.get("template.ocmw.submitted_by")}};
            for (int i = 0; i < SubmissionFormat.OCMW_LABELS.size(); i++) {
                Row row = ocmw.createRow(i);
                row.createCell(0).setCellValue(SubmissionFormat.OCMW_LABELS.get(i));
                row.getCell(0).setCellStyle(styles.bold);
                row.createCell(1).setCellValue(values[i][0]);
                row.getCell(1).setCellStyle(i < 3 ? styles.given : styles.toFill);
                row.createCell(2).setCellValue(values[i][1]);
            }
            ocmw.setColumnWidth(0, 20 * 256);
            ocmw.setColumnWidth(1, 40 * 256);
            ocmw.setColumnWidth(2, 90 * 256);

            SXSSFSheet administrators = workbook.createSheet(SubmissionFormat.ADMINISTRATORS_SHEET);
            header(administrators, styles, SubmissionFormat.COLUMNS.stream().map(c -> name(c, french)).toList());
            dropdown(administrators, 0, SubmissionFormat.ROLES, DROPDOWN_ROWS, text);
            dropdown(administrators, 6, SubmissionFormat.LANGUAGES, DROPDOWN_ROWS, text);
            for (int c = 0; c < SubmissionFormat.COLUMNS.size(); c++) {
                administrators.setColumnWidth(c, (c == 1 ? 28 : 20) * 256);
            }

            SXSSFSheet users = workbook.createSheet(SubmissionFormat.USERS_SHEET);
            List<String> columns = new ArrayList<>(List.of(name(SubmissionFormat.REVIEW_DOMAIN, french),
                    name(SubmissionFormat.REVIEW_USERNAME, french), french ? "Nom" : "Naam", french ? "Prénom" : "Voornaam",
                    french ? "NISS" : "INSZ", "Type", french ? "Statut" : "Status", french ? "Applications" : "Toepassingen",
                    french ? "Suggestion" : "Suggestie", name(SubmissionFormat.REVIEW_DECISION, french),
                    merged ? (french ? "Applications à retirer" : "Toepassingen intrekken")
                            : (french ? "Applications à ne pas reprendre" : "Toepassingen niet overnemen"),
                    name(SubmissionFormat.REVIEW_REMARK, french)));
            header(users, styles, columns);
            int[] widths = {24, 18, 20, 16, 16, 8, 12, 60, 40, 22, 40, 30};
            for (int c = 0; c < widths.length; c++) {
                users.setColumnWidth(c, widths[c] * 256);
            }
            List<String> decisions = ReviewDecision.offered(merged).stream().map(d -> d.spelled(french ? "fr" : "nl")).toList();
            int[] counts = {0, 0};
            accounts.each(organisation.kbo().digits(), account -> {
                int r = ++counts[0];
                Row row = users.createRow(r);
                String[] cells = {account.domain(), account.username(), account.lastName(), account.firstName(),
                        account.insz() == null ? "" : account.insz().masked(), account.role().label(),
                        text.get("account.status." + account.status().name()), String.join(" | ", account.applications()),
                        suggestion(account, text), "", "", ""};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                    row.getCell(c).setCellStyle(c < 9 ? styles.given : styles.toFill);
                }
                if (account.role().designated() && account.insz() != null) {
                    Row designated = administrators.createRow(++counts[1]);
                    boolean organisationLevel = account.role().organisationLevel();
                    String[] admin = {account.role().label(), organisationLevel ? "" : account.domain(),
                            account.insz().masked(), account.lastName(), account.firstName(),
                            account.email() == null ? "" : account.email(),
                            account.language() == null ? "" : account.language(), ""};
                    for (int c = 0; c < admin.length; c++) {
                        designated.createCell(c).setCellValue(admin[c]);
                    }
                }
            });
            dropdown(users, 9, decisions, Math.max(counts[0], 1), text);
            users.createFreezePane(2, 1);
            users.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(counts[0], 1), 0, columns.size() - 1));
            workbook.setActiveSheet(3);
            workbook.setSelectedTab(3);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            workbook.dispose();
            return counts[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What the engine suggests about an account, in words: blocked, no applications, the same person twice, unknown applications. */
    private static String suggestion(LoadedAccounts.Listed account, ReportText text) {
        List<String> said = new ArrayList<>();
        if (!account.status().active()) {
            said.add(text.get("template.suggest.blocked"));
        }
        if (account.applications().isEmpty() && !account.role().organisationLevel()) {
            said.add(text.get("template.suggest.no_applications"));
        }
        if (!account.sameInszAs().isEmpty()) {
            said.add(text.get("template.suggest.same_person", String.join(", ", account.sameInszAs())));
        }
        if (!account.unknownApplications().isEmpty()) {
            said.add(text.get("template.suggest.unknown_application", String.join(", ", account.unknownApplications())));
        }
        return String.join("; ", said);
    }

    private static String name(Column column, boolean french) {
        return french && !column.aliases().isEmpty() ? column.aliases().get(0) : column.name();
    }

    private static void header(Sheet sheet, Styles styles, List<String> names) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            header.createCell(c).setCellValue(names.get(c));
            header.getCell(c).setCellStyle(styles.bold);
        }
    }

    private static void dropdown(Sheet sheet, int column, List<String> values, int rows, ReportText text) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, rows, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox(text.get("template.dropdown.title"), text.get("template.dropdown.text", String.join(", ", values)));
        sheet.addValidationData(validation);
    }

    /** A file name made of an OCMW's name: letters, digits, spaces and dashes. */
    private static String safe(String name) {
        return name.replaceAll("[^\\p{L}\\p{N} .-]", "").strip();
    }

    /** Bold headers; grey cells that say what is (not to change); light yellow cells to fill in. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle given;
        final CellStyle toFill;

        Styles(SXSSFWorkbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            given = workbook.createCellStyle();
            given.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            given.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            toFill = workbook.createCellStyle();
            toFill.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            toFill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            toFill.setLocked(false);
        }
    }
}
