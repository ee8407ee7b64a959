package be.ocmw.merge.cli.internal;

import be.ocmw.merge.cli.ExitCode;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The floor of {@code make bench}: POI's streaming reader going through every cell of a workbook, nothing else. */
@Command(name = "bench-read-xlsx", hidden = true, mixinStandardHelpOptions = true,
        description = "Stream every cell of an xlsx with excel-streaming-reader and report the time (benchmark floor).")
class BenchReadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long characters = 0;
        try (Workbook workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(1 << 16).open(file.toFile())) {
            for (Row row : workbook.getSheetAt(0)) {
                rows++;
                for (Cell cell : row) {
                    characters += cell.getStringCellValue().length();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf("POI streaming read: %d rows (%d characters) in %.2f s, %.0f rows/s%n",
                rows, characters, seconds, rows / seconds);
        spec.commandLine().getOut().flush();
        return ExitCode.DONE;
    }
}
