package be.ocmw.merge.intake;

import be.ocmw.merge.reporting.ReportSheets;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.batch.LoadFile;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.Rejection;
import be.ocmw.merge.input.Cells;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code intake --out DIR} writes: {@code intake-summary.json} for machines, {@code intake-report.xlsx}
 * for coordinators, and next to them {@code <name>.checked.xlsx} for every workbook that could be opened,
 * with each rejected row highlighted and its reason in an added column, to send back to the OCMW as is.
 */
@Component
public class IntakeReports {

    /** Submissions are a few dozen rows; a bigger workbook is not copied into memory to be annotated. */
    static final long MAX_ANNOTATED_SIZE = 10L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final LoadFiles files;

    IntakeReports(LoadFiles files) {
        this.files = files;
    }

    /** Writes the reports in the language of {@code text} and returns the files written. */
    public List<Path> write(IntakeResult result, Path out, ReportText text) {
        List<Rejection> rejections = files.rejections(result.load().jobInstance());
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            written.add(summary(result, rejections, out.resolve("intake-summary.json")));
            written.add(report(result, rejections, out.resolve("intake-report.xlsx"), text));
            for (LoadFile file : result.load().files()) {
                Path copy = annotate(file, rejections, out, text);
                if (copy != null) {
                    written.add(copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the intake reports in " + out + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static Path summary(IntakeResult result, List<Rejection> rejections, Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", result.load().files().size());
        summary.put("files_refused", result.load().refusedFiles().size());
        summary.put("rows", result.load().accepted() + result.load().rejected());
        summary.put("accepted", result.load().accepted());
        summary.put("rejected", result.load().rejected());
        summary.put("empty_rows_skipped", result.load().emptyRows());
        List<Map<String, Object>> perFile = new ArrayList<>();
        for (LoadFile f : result.load().files()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", f.name());
            entry.put("status", f.refused() ? "REFUSED" : "UNCHANGED".equals(f.status()) ? "ALREADY_TAKEN_IN" : "TAKEN_IN");
            if (f.refused()) {
                entry.put("reason", f.problem());
            }
            result.submissions().stream().filter(s -> s.file().equals(f.name())).findFirst().ifPresent(s -> {
                entry.put("merger", s.merger());
                entry.put("kbo", s.kbo());
                entry.put("ocmw", s.ocmw());
                entry.put("submitted_on", s.submittedOn().toString());
                entry.put("current", s.current());
                entry.put("late", s.late());
                if (s.passwordColumns() != null) {
                    entry.put("password_columns_not_read", s.passwordColumns());
                }
            });
            entry.put("rows", f.accepted() + f.rejected());
            entry.put("accepted", f.accepted());
            entry.put("rejected", f.rejected());
            perFile.add(entry);
        }
        summary.put("submissions", perFile);
        summary.put("rejections", rejections.stream().map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", r.file());
            entry.put("sheet", r.sheet());
            entry.put("row", r.row());
            entry.put("column", r.column());
            entry.put("reason", r.reason().english());
            return entry;
        }).toList());
        summary.put("findings", result.findings().stream().map(f -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("merger", f.merger());
            entry.put("code", f.code());
            entry.put("severity", f.severity().name());
            entry.put("detail", f.detail());
            return entry;
        }).toList());
        JSON.writeValue(file.toFile(), summary);
        return file;
    }

    private static Path report(IntakeResult result, List<Rejection> rejections, Path file, ReportText text)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(true);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle bold = ReportSheets.bold(workbook);
            Sheet submissions = ReportSheets.sheet(workbook, text.get("intake.sheet.submissions"), bold,
                    text.get("column.file"), text.get("column.merger"), text.get("column.kbo"), text.get("column.ocmw"),
                    text.get("column.submitted_on"), text.get("column.status"), text.get("column.late"),
                    text.get("column.rows"), text.get("column.accepted"), text.get("column.rejected"),
                    text.get("column.file_reason"));
            // room for workbook names, OCMW names and a refusal's reason; the dates are dates
            ReportSheets.widths(submissions, 40, 18, 16, 28, 14, 24, 10, 8, 10, 10, 80);
            int r = 1;
            for (LoadFile f : result.load().files()) {
                var s = result.submissions().stream().filter(x -> x.file().equals(f.name())).findFirst();
                ReportSheets.row(submissions, r++, f.name(), s.map(IntakeResult.Submission::merger).orElse(""),
                        s.map(x -> new be.ocmw.merge.domain.Kbo(x.kbo()).formatted()).orElse(""),
                        s.map(IntakeResult.Submission::ocmw).orElse(""),
                        s.<Object>map(x -> x.submittedOn() == null ? "" : x.submittedOn()).orElse(""),
                        f.refused() ? text.get("intake.status.refused")
                                : s.map(x -> text.get(x.current() ? "intake.status.current" : "intake.status.superseded")).orElse(""),
                        s.map(x -> text.get(x.late() ? "value.yes" : "value.no")).orElse(""), f.accepted() + f.rejected(),
                        f.accepted(), f.rejected(), f.refused() ? text.reason(f.problemReason()) : "");
            }
            Sheet rejected = ReportSheets.sheet(workbook, text.get("sheet.rejected"), bold, text.get("column.file"),
                    text.get("column.sheet"), text.get("column.row"), text.get("column.column"), text.get("column.reason"));
            ReportSheets.widths(rejected, 40, 16, 8, 22, 100);
            r = 1;
            for (Rejection rejection : rejections) {
                ReportSheets.row(rejected, r++, rejection.file(), rejection.sheet(), rejection.row(), rejection.column(),
                        text.reason(rejection.reason()));
            }
            Sheet findings = ReportSheets.sheet(workbook, text.get("sheet.findings"), bold, text.get("column.merger"),
                    text.get("column.code"), text.get("column.severity"), text.get("column.detail"), text.get("column.todo"));
            ReportSheets.widths(findings, 18, 26, 16, 100, 60);
            r = 1;
            for (IntakeResult.Finding finding : result.findings()) {
                ReportSheets.row(findings, r++, finding.merger(), finding.code(),
                        text.get("severity." + finding.severity().name()), finding.finding().detail(text),
                        finding.finding().todo(text));
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
        return file;
    }




    /** The annotated copy, or null for a workbook that cannot be opened (its refusal is in the report). */
    private static Path annotate(LoadFile file, List<Rejection> rejections, Path out, ReportText text) throws IOException {
        if (!Files.isRegularFile(file.path()) || Files.size(file.path()) > MAX_ANNOTATED_SIZE
                || !file.name().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return null;
        }
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file.path())) {
            workbook = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String name = file.name().substring(0, file.name().length() - ".xlsx".length()) + ".checked.xlsx";
        Path copy = out.resolve(name);
        try (workbook; OutputStream stream = Files.newOutputStream(copy)) {
            CellStyle highlight = workbook.createCellStyle();
            highlight.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            highlight.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle bold = ReportSheets.bold(workbook);
            if (file.refused()) {
                String noteName = text.get("sheet.rejected");
                Sheet note = workbook.createSheet(noteName);
                workbook.setSheetOrder(noteName, 0);
                workbook.setActiveSheet(0);
                Row row = note.createRow(0);
                row.createCell(0).setCellValue(text.get("intake.checked.refused"));
                row.getCell(0).setCellStyle(bold);
                note.createRow(1).createCell(0).setCellValue(Cells.forCell(text.reason(file.problemReason())));
                note.setColumnWidth(0, 150 * 256);
            }
            // the refused rows of each sheet read (Beheerders, and Gebruikers when the workbook has it), highlighted there
            for (String sheetName : List.of(SubmissionFormat.ADMINISTRATORS_SHEET, SubmissionFormat.USERS_SHEET)) {
                Sheet sheet = workbook.getSheet(sheetName);
                List<Rejection> own = rejections.stream().filter(r -> r.file().equals(file.name())
                        && (r.sheet().isEmpty() ? sheetName.equals(SubmissionFormat.ADMINISTRATORS_SHEET)
                        : r.sheet().equalsIgnoreCase(sheetName))).toList();
                Integer headerRow = sheetName.equals(SubmissionFormat.ADMINISTRATORS_SHEET) ? file.headerRow()
                        : own.isEmpty() ? null : firstRowWithText(sheet);
                int width = sheetName.equals(SubmissionFormat.ADMINISTRATORS_SHEET) ? SubmissionFormat.COLUMNS.size()
                        : SubmissionFormat.REVIEW_COLUMNS.size();
                if (sheet != null && headerRow != null) {
                    highlight(workbook, sheet, headerRow, width, own, text, highlight, bold);
                }
            }
            PasswordColumns.blank(workbook);
            workbook.write(stream);
        }
        return copy;
    }

    /** Highlights the refused rows of {@code sheet} and puts each one's reason in a column after the last. */
    private static void highlight(XSSFWorkbook workbook, Sheet sheet, int headerRow, int width, List<Rejection> own,
                                  ReportText text, CellStyle highlight, CellStyle bold) {
        Row header = sheet.getRow(headerRow - 1);
        int reasonColumn = Math.max(header == null ? 0 : header.getLastCellNum(), width);
        Cell title = (header == null ? sheet.createRow(headerRow - 1) : header).createCell(reasonColumn);
        title.setCellValue(text.get("intake.checked.reason_header"));
        title.setCellStyle(bold);
        sheet.setColumnWidth(reasonColumn, 90 * 256);
        // one highlighted twin per style the rows use: a style per cell would pass Excel's limit of 64 000
        // styles (and take minutes) in a workbook of thousands of refused rows
        Map<Short, CellStyle> highlighted = new java.util.HashMap<>();
        for (Rejection rejection : own) {
            Row row = sheet.getRow(rejection.row() - 1);
            if (row == null) {
                row = sheet.createRow(rejection.row() - 1);
            }
            // a hidden row that was refused is shown, or the coordinator would not see why
            row.setZeroHeight(false);
            for (int c = 0; c < reasonColumn; c++) {
                Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                CellStyle original = cell.getCellStyle();
                cell.setCellStyle(highlighted.computeIfAbsent(original.getIndex(), index -> {
                    CellStyle style = workbook.createCellStyle();
                    style.cloneStyleFrom(original);
                    style.setFillForegroundColor(IndexedColors.ROSE.getIndex());
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    return style;
                }));
            }
            Cell reason = row.createCell(reasonColumn);
            reason.setCellValue(Cells.forCell((rejection.column().isEmpty() ? "" : rejection.column() + ": ")
                    + text.reason(rejection.reason())));
            reason.setCellStyle(highlight);
        }
    }

    /** The number (1-based) of the first row of the sheet with text in it: its header. */
    private static Integer firstRowWithText(Sheet sheet) {
        if (sheet == null) {
            return null;
        }
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && !cell.getStringCellValue().isBlank()) {
                    return row.getRowNum() + 1;
                }
            }
        }
        return null;
    }
}
