package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The floor of {@code make bench}: POI's own streaming read (its event API, {@code XSSFReader} with
 * {@code XSSFSheetXMLHandler}) handing every cell of the first sheet as text, nothing else.
 */
@Command(name = "bench-read-xlsx", mixinStandardHelpOptions = true,
        description = "Stream every cell of an xlsx with POI's event API and report the time (benchmark floor).")
class BenchReadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        long[] counts = new long[2];
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(workbook, false), new Counter(counts), new DataFormatter(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
            workbook.revert();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf("POI streaming read: %d rows (%d characters) in %.2f s, %.0f rows/s%n",
                counts[0], counts[1], seconds, counts[0] / seconds);
        spec.commandLine().getOut().flush();
        return ExitCode.DONE;
    }

    private record Counter(long[] counts) implements XSSFSheetXMLHandler.SheetContentsHandler {

        @Override
        public void startRow(int rowNum) {
            counts[0]++;
        }

        @Override
        public void endRow(int rowNum) {
            // counted at the start
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            counts[1] += formattedValue.length();
        }
    }
}
