package be.ocmw.merge.intake.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.JobTasklet;
import be.ocmw.merge.batch.RunningJob;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.input.SourceRow;
import be.ocmw.merge.input.TableReader;
import be.ocmw.merge.input.Tables;
import be.ocmw.merge.input.UnreadableFileException;
import be.ocmw.merge.intake.SubmissionFormat;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Registry;
import org.springframework.batch.core.step.StepContribution;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers each submission workbook and reads its OCMW sheet: which merger, which OCMW, when and by whom.
 * A workbook whose OCMW sheet cannot say that (unknown merger, a KBO that does not take part in it, no
 * date) cannot be attributed to anyone and is refused whole, with the row of the OCMW sheet at fault.
 */
public class SubmissionFilesTasklet implements JobTasklet {

    public static final String KIND = "SUBMISSION";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LoadFiles files;
    private final Registry mergers;

    public SubmissionFilesTasklet(LoadFiles files, Registry mergers) {
        this.files = files;
        this.mergers = mergers;
    }

    @Override
    public void execute(RunningJob job, StepContribution contribution) {
        var parameters = job.parameters();
        long jobInstance = job.jobInstance();
        MergerRegistry registry = mergers.current();
        for (SubmissionFolder.Entry entry : SubmissionFolder.scan(Path.of(parameters.getString("file")))) {
            Path file = entry.path();
            long id = files.register(jobInstance, job.run(), KIND, file, file.getFileName().toString(),
                    null, null, entry.problem() == null ? FileDigest.of(file) : "");
            if (entry.problem() != null) {
                files.reject(id, entry.problem().english(), entry.problem());
                continue;
            }
            try {
                SubmissionSheet meta = readOcmwSheet(file, registry);
                files.describe(id, JSON.writeValueAsString(meta));
                files.setKbo(id, meta.kbo());
            } catch (UnreadableFileException e) {
                files.reject(id, e.getMessage(), e.reason());
            }
        }
    }

    /** What a submission's sheet OCMW says, as the file's description keeps it. */
    record SubmissionSheet(String merger, String kbo, String name,
                           @JsonProperty("submitted_on") String submittedOn,
                           @JsonProperty("submitted_by") String submittedBy) {
    }

    static SubmissionSheet readOcmwSheet(Path file, MergerRegistry registry) {
        Map<String, Cell> values = new LinkedHashMap<>();
        try (TableReader sheet = Tables.open(file, SubmissionFormat.OCMW_SHEET)) {
            put(values, new SourceRow(sheet.headerRowNumber(), sheet.header()));
            for (SourceRow row = sheet.next(); row != null; row = sheet.next()) {
                put(values, row);
            }
        }
        String where = SubmissionFormat.OCMW_SHEET;
        Cell mergerCell = required(file, values, SubmissionFormat.MERGER, where);
        Merger merger = registry.find(mergerCell.value().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                refuse(file, where, mergerCell, Reason.of("submission.merger", Cells.shorten(mergerCell.value()),
                        registry.mergers().get(0).id())));
        Cell kboCell = required(file, values, SubmissionFormat.KBO, where);
        Kbo kbo;
        try {
            kbo = Kbo.parse(kboCell.value());
        } catch (InvalidIdentifierException e) {
            throw refuse(file, where, kboCell, e.reason());
        }
        // the merged OCMW sends its own review after the apply (SPEC 4.5): its KBO is the target's (scenario 1: a new one)
        boolean merged = merger.target().kbo().equals(kbo);
        if (merger.participant(kbo).isEmpty() && !merged) {
            throw refuse(file, where, kboCell, Reason.of("submission.kbo", kbo.formatted(), merger.id(),
                    merger.participants().stream().map(p -> p.kbo().formatted()).reduce((a, b) -> a + ", " + b).orElse("")));
        }
        Cell dateCell = required(file, values, SubmissionFormat.SUBMITTED_ON, where);
        LocalDate submittedOn = Cells.date(dateCell.value()).orElseThrow(() -> refuse(file, where, dateCell,
                Cells.dateProblem(dateCell.value())));
        Cell byCell = required(file, values, SubmissionFormat.SUBMITTED_BY, where);
        Optional<Cell> name = Optional.ofNullable(values.get(key(SubmissionFormat.NAME)));
        return new SubmissionSheet(merger.id(), kbo.digits(),
                name.map(Cell::value).filter(v -> !v.isEmpty())
                        .orElse(merger.participant(kbo).map(be.ocmw.merge.registry.Ocmw::name).orElse(merger.target().name())),
                submittedOn.toString(), byCell.value());
    }

    private static void put(Map<String, Cell> values, SourceRow row) {
        String label = row.cell(0);
        if (!label.isEmpty()) {
            values.putIfAbsent(key(label), new Cell(label, row.cell(1), row.number()));
        }
    }

    private static Cell required(Path file, Map<String, Cell> values, String label, String where) {
        Cell cell = values.get(key(label));
        if (cell == null) {
            throw new UnreadableFileException(file, Reason.of("in.sheet", where).then(Reason.of("submission.label", label)));
        }
        if (cell.value().isEmpty()) {
            throw refuse(file, where, cell, Reason.of("submission.empty", label));
        }
        return cell;
    }

    private static UnreadableFileException refuse(Path file, String sheet, Cell cell, Reason reason) {
        return new UnreadableFileException(file, Reason.of("in.sheet.row", sheet, cell.row(), cell.label()).then(reason));
    }

    private static String key(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private record Cell(String label, String value, int row) {
    }
}
