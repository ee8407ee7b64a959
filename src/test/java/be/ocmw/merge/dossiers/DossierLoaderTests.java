package be.ocmw.merge.dossiers;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.support.EmptyDatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DossierLoaderTests extends EmptyDatabaseTest {

    @Autowired
    DossierLoader loader;

    @Autowired
    DossierExport export;

    @Autowired
    RunLog runs;

    @Test
    void acceptsGoodRowsInIsoAndBelgianDatesAndRejectsBadOnesNamingRowAndColumn() throws Exception {
        Path file = Files.writeString(folder.resolve("dossiers.csv"), """
                reference;type;insz;kbo;start_date;end_date
                PJ-0001;INTEGRATIE;85.07.30-033.28;0212.978.247;2024-03-01;
                PJ-0002;A036;85073003328;0212978247;01/03/2024;31/12/2024

                PJ-0003;LEEFLOON;85073003328;0212978247;2024-03-01;
                PJ-0004;A036;85073003329;0212978247;2024-03-01;
                PJ-0005;A036;85073003328;0212978248;2024-03-01;
                PJ-0006;A036;85073003328;0212978247;2024-13-01;
                PJ-0007;A036;85073003328;0212978247;2024-03-01;2024-02-01
                PJ-0001;A036;85073003328;0212978247;2024-03-01;
                """);

        LoadReport report = loader.load(file, runs.start("test", ""));

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(6);
        assertThat(report.emptyRows()).isEqualTo(1);
        assertThat(report.rejections()).extracting(r -> r.row() + " " + r.column()).containsExactly(
                "5 type", "6 insz", "7 kbo", "8 start_date", "9 end_date", "10 reference");
        assertThat(report.rejections().get(1).reason().english()).contains("85.07.30-xxx.29").doesNotContain("033");
        assertThat(report.rejections().get(5).reason().english()).contains("already on row 2");
        assertThat(jdbc.sql("select end_date from dossier where reference = 'PJ-0002'").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aNulByteOrADateTheDatabaseCannotHoldIsARejectedRowNotAFailedLoad() throws Exception {
        // given rows that pass a naive check and that PostgreSQL refuses: a NUL byte, year 0, year 10000
        Path file = Files.writeString(folder.resolve("dossiers.csv"), "reference;type;insz;kbo;start_date;end_date\n"
                + "PJ-0001;INTEGRATIE;85073003328;0212978247;2024-03-01;\n"
                + "PJ-\u00000002;A036;85073003328;0212978247;2024-03-01;\n"
                + "PJ-0003;A036;85073003328;0212978247;0000-01-01;\n"
                + "PJ-0004;A036;85073003328;0212978247;2024-03-01;10000-01-01\n"
                + "PJ-0005;A036;85073003328;0212978247;01/01/1899;\n"
                + "PJ-0006;A036;85073003328;0212978247;2024-03-01;31/12/9999\n");

        // when it is loaded
        LoadReport report = loader.load(file, runs.start("test", ""));

        // then the good rows are in, and each bad one is rejected with its column and a plain reason
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejections()).extracting(r -> r.row() + " " + r.column()).containsExactly(
                "3 reference", "4 start_date", "5 end_date", "6 start_date");
        assertThat(report.rejections().get(0).reason().english()).contains("NUL character");
        assertThat(report.rejections().get(1).reason().english()).contains("'0000-01-01' is outside the dates that are accepted")
                .contains("1900 to 9999");
        assertThat(report.rejections().get(2).reason().english()).contains("'10000-01-01' is not a date");
        assertThat(jdbc.sql("select end_date from dossier where reference = 'PJ-0006'").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void loadingTheSameFileAgainChangesNothingAndAChangedRowUpdatesItsDossierWithAnAuditRow() throws Exception {
        Path file = Files.writeString(folder.resolve("d.csv"), """
                reference;type;insz;kbo;start_date;end_date
                PJ-0001;INTEGRATIE;85073003328;0212978247;2024-03-01;
                PJ-0002;A036;85073003328;0212978247;2024-03-01;
                """);
        loader.load(file, runs.start("test", ""));
        long audits = count("audit");

        LoadReport again = loader.load(file, runs.start("test", ""));

        assertThat(again.alreadyLoaded()).isTrue();
        assertThat(count("audit")).isEqualTo(audits);

        Path changed = Files.writeString(folder.resolve("d2.csv"), """
                reference;type;insz;kbo;start_date;end_date
                PJ-0001;INTEGRATIE;85073003328;0212978247;2024-03-01;2024-12-31
                PJ-0002;A036;85073003328;0212978247;2024-03-01;
                PJ-0003;A036;85073003328;0212978247;2024-04-01;
                """);
        LoadReport update = loader.load(changed, runs.start("test", ""));

        assertThat(update.files().get(0).inserted()).isEqualTo(1);
        assertThat(update.files().get(0).updated()).isEqualTo(1);
        assertThat(count("dossier")).isEqualTo(3);
        // the load that brought it and the one that changed it, each with its audit row
        assertThat(jdbc.sql("""
                        select action from audit where table_name = 'dossier' and row_key = '0212978247/PJ-0001' order by id""")
                .query(String.class).list()).containsExactly("INSERT", "UPDATE");
        assertThat(jdbc.sql("""
                        select coalesce(before ->> 'end_date', 'open') || ' -> ' || (after ->> 'end_date') from audit
                        where table_name = 'dossier' and row_key = '0212978247/PJ-0001' and action = 'UPDATE'""")
                .query(String.class).single()).isEqualTo("open -> 2024-12-31");
    }

    @Test
    void aFileWithoutTheRequiredHeaderIsRefusedWholeAndLoadsNothing() throws Exception {
        Path file = Files.writeString(folder.resolve("bad.csv"), """
                referentie;soort;insz;kbo;begin;einde
                PJ-0001;INTEGRATIE;85073003328;0212978247;2024-03-01;
                """);

        LoadReport report = loader.load(file, runs.start("test", ""));

        assertThat(report.anyFileRefused()).isTrue();
        assertThat(report.files().get(0).problem()).contains("bad.csv").contains("'start_date'");
        assertThat(count("dossier")).isZero();
    }

    @Test
    void exportWritesTheDossiersWithTheirPredecessorAndLoadingTheExportChangesNothing() throws Exception {
        Path file = Files.writeString(folder.resolve("d.csv"), """
                reference;type;insz;kbo;start_date;end_date
                GAL-1;INTEGRATIE;85073003328;0212978247;2024-03-01;2024-12-31
                """);
        loader.load(file, runs.start("test", ""));
        jdbc.sql("""
                insert into dossier (kbo, reference, type, insz, start_date, predecessor_id)
                select '1002209443', 'GAL-1', type, insz, date '2025-01-01', id from dossier where reference = 'GAL-1'""").update();

        Path first = folder.resolve("export1.csv");
        export.export(first, null);
        LoadReport reload = loader.load(first, runs.start("test", ""));
        Path second = folder.resolve("export2.csv");
        export.export(second, null);

        assertThat(Files.readString(first)).contains("GAL-1;INTEGRATIE;85073003328;1002209443;2025-01-01;;0212978247/GAL-1");
        assertThat(reload.files().get(0).inserted() + reload.files().get(0).updated()).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
