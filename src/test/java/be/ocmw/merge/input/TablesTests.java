package be.ocmw.merge.input;

import be.ocmw.merge.support.Workbooks;
import be.ocmw.merge.support.Workbooks.Formula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static be.ocmw.merge.support.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading real files as tables: CSV in every encoding and notation real exports use, and xlsx of every kind. */
class TablesTests {

    @TempDir
    Path folder;

    @Test
    void readsUtf8WithBomAndKeepsEveryName() throws Exception {
        Path file = folder.resolve("bom.csv");
        Files.write(file, ("\uFEFFNaam;Voornaam\nD'Hondt;Jan\nMüller;Ayşe\nÇelik;Élodie\n").getBytes(StandardCharsets.UTF_8));

        List<SourceRow> rows = readAll(file, null);

        assertThat(rows.get(0).cells()).containsExactly("Naam", "Voornaam");
        assertThat(rows).extracting(r -> r.cell(0)).containsExactly("Naam", "D'Hondt", "Müller", "Çelik");
        assertThat(rows.get(2).cell(1)).isEqualTo("Ayşe");
    }

    @Test
    void readsWindows1252WithCommasAsAnOlderFrenchExportWritesIt() throws Exception {
        Path file = folder.resolve("fr.csv");
        Files.write(file, "Nom,Prénom,Statut\r\nMüller,Hélène,Bloqué\r\nÇelik,François,Actif\r\n"
                .getBytes(Charset.forName("windows-1252")));

        List<SourceRow> rows = readAll(file, null);

        assertThat(rows.get(0).cells()).containsExactly("Nom", "Prénom", "Statut");
        assertThat(rows.get(1).cells()).containsExactly("Müller", "Hélène", "Bloqué");
        assertThat(rows.get(2).cells()).containsExactly("Çelik", "François", "Actif");
    }

    @Test
    void aWindows1252CharacterLateInAnOtherwiseAsciiFileIsStillDecodedRight() throws Exception {
        StringBuilder text = new StringBuilder("Naam;Voornaam\r\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Peeters;Jan\r\n");
        }
        text.append("Müller;Anna\r\n");
        Path file = folder.resolve("late.csv");
        Files.write(file, text.toString().getBytes(Charset.forName("windows-1252")));

        List<SourceRow> rows = readAll(file, null);

        assertThat(rows.get(rows.size() - 1).cell(0)).isEqualTo("Müller");
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaksAndRowsKeepTheirLineNumber() throws Exception {
        Path file = folder.resolve("quoted.csv");
        Files.writeString(file, "reference;note\n\"R;1\";\"he said \"\"hi\"\"\"\n\"R2\";\"two\nlines\"\nR3;  spaced  \n");

        List<SourceRow> rows = readAll(file, null);

        assertThat(rows.get(1).cells()).containsExactly("R;1", "he said \"hi\"");
        assertThat(rows.get(2).cells()).containsExactly("R2", "two\nlines");
        assertThat(rows.get(3).number()).isEqualTo(5);
        assertThat(rows.get(3).cells()).containsExactly("R3", "spaced");
    }

    @Test
    void emptyRowsComeThroughAsBlankSoTheyCanBeCounted() throws Exception {
        Path file = folder.resolve("gaps.csv");
        Files.writeString(file, "a;b\n1;2\n\n;\n3;4\n");

        List<SourceRow> rows = readAll(file, null);

        assertThat(rows).filteredOn(SourceRow::blank).extracting(SourceRow::number).containsExactly(3, 4);
    }

    @Test
    void anUnclosedQuoteMakesTheFileUnreadable() throws Exception {
        Path file = folder.resolve("open.csv");
        Files.writeString(file, "a;b\n\"open;2\n");

        assertThatThrownBy(() -> readAll(file, null)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("open.csv").hasMessageContaining("never closed");
    }

    @Test
    void aBinaryOrZipFileNamedCsvIsRefused() throws Exception {
        Path zip = Workbooks.xlsx(folder.resolve("real.xlsx"), "x", List.of(row("a")));
        Path renamed = Files.copy(zip, folder.resolve("export.csv"));
        Path binary = Files.write(folder.resolve("binary.csv"), new byte[]{1, 0, 2, 0, 3});

        assertThatThrownBy(() -> Tables.open(renamed, null)).hasMessageContaining("export.csv")
                .hasMessageContaining("not a CSV text file but a zip or Excel workbook");
        assertThatThrownBy(() -> Tables.open(binary, null)).hasMessageContaining("binary data");
    }

    @Test
    void xlsxCellsComeOutAsTheTextAPersonSees() {
        String longName = "x".repeat(5000);
        Path file = Workbooks.xlsx(folder.resolve("values.xlsx"), "Gebruikers", Arrays.asList(
                row("Naam", "INSZ", "Datum", "Formule", "Lang", "Waar"),
                row("  Van den Broeck  ", 85073003328L, LocalDate.of(2024, 11, 20), new Formula("\"Jan\"&\" \"&\"Peeters\""),
                        longName, true),
                null,
                row("Müller", 1020312345L, 45292, new Formula("1+1"), "", false)));

        List<SourceRow> rows = readAll(file, "gebruikers");

        assertThat(rows.get(1).cells()).containsExactly("Van den Broeck", "85073003328", "2024-11-20", "Jan Peeters",
                longName, "true");
        assertThat(rows.get(2).number()).isEqualTo(4);
        assertThat(rows.get(2).cells()).startsWith("Müller", "1020312345", "45292", "2");
    }

    @Test
    void anInszOrKboTypedAsANumberAndShownWithLeadingZerosIsReadAsShown() throws Exception {
        // an INSZ of somebody born in 2001 and a KBO, typed as numbers: Excel shows them as 01020312345, 0212978247
        Path file = folder.resolve("zeros.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = java.nio.file.Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Gebruikers");
            var eleven = workbook.createCellStyle();
            eleven.setDataFormat(workbook.createDataFormat().getFormat("00000000000"));
            var ten = workbook.createCellStyle();
            ten.setDataFormat(workbook.createDataFormat().getFormat("0000000000"));
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("INSZ");
            header.createCell(1).setCellValue("KBO");
            header.createCell(2).setCellValue("Aantal");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(1020312345L);
            row.getCell(0).setCellStyle(eleven);
            row.createCell(1).setCellValue(212978247L);
            row.getCell(1).setCellStyle(ten);
            row.createCell(2).setCellValue(7);
            workbook.write(out);
        }

        for (boolean datesMatter : new boolean[]{true, false}) {
            try (TableReader table = Tables.open(file, null, datesMatter)) {
                assertThat(table.next().cells()).as("dates matter: " + datesMatter)
                        .containsExactly("01020312345", "0212978247", "7");
            }
        }
    }

    @Test
    void aSheetAnotherToolWroteIsReadAsExcelWouldShowIt() {
        // No row or cell references, a rich-text name with a phonetic guide, an error, a boolean, a blank styled
        // cell, numbers in a date and a plain style, in a workbook that counts its dates from 1904.
        Path file = Workbooks.handWritten(folder.resolve("other-tool.xlsx"), "date1904=\"1\"",
                "<numFmt numFmtId=\"164\" formatCode=\"d/mm/yyyy\"/>",
                "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"2\"/>", """
                        <row><c t="inlineStr"><is><t>Naam</t></is></c><c t="inlineStr"><is><t>Datum</t></is></c>\
                        <c t="inlineStr"><is><t>Bedrag</t></is></c><c t="inlineStr"><is><t>Fout</t></is></c>\
                        <c t="inlineStr"><is><t>Waar</t></is></c><c t="inlineStr"><is><t>Leeg</t></is></c>\
                        <c t="inlineStr"><is><t>Laatste</t></is></c></row>\
                        <row><c t="inlineStr"><is><r><t xml:space="preserve">Van </t></r><r><rPr><b/></rPr><t>Damme</t></r>\
                        <rPh sb="0" eb="3"><t>ふりがな</t></rPh></is></c><c s="1"><v>43830</v></c><c s="2"><v>1234.50</v></c>\
                        <c t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="b"><v>1</v></c><c s="1"/>\
                        <c t="str"><f>A2</f><v>Van Damme</v></c></row>\
                        <row r="5"><c r="G5" t="inlineStr"><is><t>alleen G</t></is></c></row>""");

        List<SourceRow> rows = readAll(file, null);

        assertThat(rows.get(0).cells()).containsExactly("Naam", "Datum", "Bedrag", "Fout", "Waar", "Leeg", "Laatste");
        assertThat(rows.get(1).number()).isEqualTo(2);
        assertThat(rows.get(1).cells()).containsExactly("Van Damme", "2024-01-01", "1234.5", "", "true", "", "Van Damme");
        assertThat(rows.get(2).number()).isEqualTo(5);
        assertThat(rows.get(2).cells()).containsExactly("", "", "", "", "", "", "alleen G");
    }

    @Test
    void sharedTextsAreReadWithTheirRunsJoinedAndWithoutPhoneticGuides() {
        Path file = Workbooks.handWritten(folder.resolve("shared.xlsx"), "", "", "<xf numFmtId=\"0\"/>", """
                        <si><t>Naam</t></si><si><t>Gebruikersnaam</t></si>\
                        <si><r><t xml:space="preserve">Van </t></r><r><rPr><i/></rPr><t>Damme</t></r><rPh><t>ヴァン</t></rPh></si>\
                        <si><t>jvandamme</t></si>""", """
                        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
                        <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>\
                        <row r="3"><c r="A3" t="s"><v>7</v></c></row>""");

        List<SourceRow> rows = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (TableReader table = Tables.open(file, null)) {
                rows.add(new SourceRow(table.headerRowNumber(), table.header()));
                for (SourceRow row = table.next(); row != null; row = table.next()) {
                    rows.add(row);
                }
            }
        }).isInstanceOf(UnreadableFileException.class).hasMessageContaining("reading stopped after row 2")
                .hasMessageContaining("shared text 7, but the workbook has 4");
        assertThat(rows.get(0).cells()).containsExactly("Naam", "Gebruikersnaam");
        assertThat(rows.get(1).cells()).containsExactly("Van Damme", "jvandamme");
    }

    @Test
    void aCellBeyondExcelsLastColumnStopsTheReadingAtItsRow() {
        Path file = Workbooks.handWritten(folder.resolve("wide.xlsx"), "", "", "<xf numFmtId=\"0\"/>", """
                <row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>Peeters</t></is></c></row>\
                <row r="3"><c r="ZZZZ3" t="inlineStr"><is><t>x</t></is></c></row>""");

        assertThatThrownBy(() -> readAll(file, null)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("wide.xlsx").hasMessageContaining("reading stopped after row 2")
                .hasMessageContaining("ZZZZ3 lies beyond Excel's last column");
    }

    @Test
    void aMissingSheetIsNamedWithTheSheetsThereAre() {
        Path file = Workbooks.xlsx(folder.resolve("sheets.xlsx"), "Blad1", List.of(row("a")));

        assertThatThrownBy(() -> Tables.open(file, "Beheerders")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("sheets.xlsx: the workbook has no sheet 'Beheerders' (its sheets: Blad1)");
    }

    @Test
    void anOldXlsIsRefusedWithTheAdviceToSaveItAsXlsx() throws Exception {
        Path xls = Workbooks.xls(folder.resolve("oud.xls"), "Beheerders", List.of(row("Rol")));
        Path renamed = Files.copy(xls, folder.resolve("oud-hernoemd.xlsx"));

        assertThatThrownBy(() -> Tables.open(xls, null)).hasMessageContaining("old Excel 97-2003 file (.xls)")
                .hasMessageContaining("save it as an Excel Workbook (.xlsx)");
        assertThatThrownBy(() -> Tables.open(renamed, null)).hasMessageContaining("Excel 97-2003 workbook (.xls) with an .xlsx name");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedSayingSo() {
        Path plain = Workbooks.xlsx(folder.resolve("plain.xlsx"), "Beheerders", List.of(row("Rol")));
        Path locked = Workbooks.encrypted(plain, folder.resolve("locked.xlsx"), "geheim");

        assertThatThrownBy(() -> Tables.open(locked, null)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("locked.xlsx").hasMessageContaining("protected with a password");
    }

    @Test
    void aCsvRenamedToXlsxIsRefusedSayingWhatItIs() throws Exception {
        Path file = Files.writeString(folder.resolve("export.xlsx"), "Naam;Voornaam\nPeeters;Jan\n");

        assertThatThrownBy(() -> Tables.open(file, null)).hasMessageContaining("not an Excel workbook but a text file");
    }

    @Test
    void aDamagedWorkbookIsRefusedWhole() {
        Path valid = Workbooks.xlsx(folder.resolve("valid.xlsx"), "Gebruikers", List.of(row("Naam"), row("Peeters")));
        Path broken = Workbooks.truncated(valid, folder.resolve("broken.xlsx"));

        assertThatThrownBy(() -> readAll(broken, null)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("broken.xlsx").hasMessageContaining("damaged");
    }

    @Test
    void aZipBombIsNotOpened() {
        Path bomb = Workbooks.zipBomb(folder.resolve("bomb.xlsx"));

        assertThatThrownBy(() -> readAll(bomb, null)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("bomb.xlsx").hasMessageContaining("zip bomb");
    }

    @Test
    void onlyCsvAndXlsxAreRead() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt.docx"), "x");

        assertThatThrownBy(() -> Tables.open(file, null)).hasMessageContaining("only .csv and .xlsx files can be read");
    }

    static List<SourceRow> readAll(Path file, String sheet) {
        List<SourceRow> rows = new ArrayList<>();
        try (TableReader table = Tables.open(file, sheet)) {
            rows.add(new SourceRow(table.headerRowNumber(), table.header()));
            for (SourceRow row = table.next(); row != null; row = table.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
