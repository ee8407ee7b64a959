package be.ocmw.merge.access;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.batch.LoadFile;
import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.support.EmptyDatabaseTest;
import be.ocmw.merge.support.Workbooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static be.ocmw.merge.support.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

class AccessLoaderTests extends EmptyDatabaseTest {

    static final String HEADER = "Naam;Voornaam;Gebruikersnaam;Type;INSZ;Status;Beveiligde toepassingen;E-mailadres;Taal\n";

    @Autowired
    AccessLoader loader;

    @Autowired
    AccessExport export;

    @Autowired
    RunLog runs;

    @Test
    void loadsEveryNotationAndAliasAndRefusesWhatDoesNotBelong() throws Exception {
        Path dir = folder.resolve("v1");
        write(dir.resolve("0212.978.247/Maatschappelijk Welzijn.csv"), HEADER
                + "D'Hondt;Jan;jdhondt;LB;85.07.30-033.28;Actief;e-Box van de instelling|Sociale Agent;jan@x.be;NL\n"
                + "Müller;Anna;amuller;Gebruiker;;Geblokkeerd;;;\n"
                + "  Van den Broeck ;Piet;pvdb;Co-LB;850730 033 28;Actief;PrimaWeb;;FR\n"
                + "Çelik;Ayşe;acelik;HTB;;Actief;;;\n"
                + "X;Y;jdhondt;USER;;Actief;;;\n"
                + "Z;Y;zz;USER;;Misschien;;;\n"
                + "Z;Y;zy;USER;;Actief;;geen-mail;\n");
        Files.createDirectories(dir.resolve("0212600838"));
        Files.write(dir.resolve("0212600838/Maatschappelijk Welzijn.csv"),
                ("Nom,Prénom,Nom d'utilisateur,Type,NISS,Statut,Applications sécurisées,Adresse e-mail,Langue\r\n"
                        + "Dupont,Hélène,hdupont,Utilisateur,,Bloqué,Handiweb,,FR\r\n").getBytes(Charset.forName("windows-1252")));
        write(dir.resolve("0212600838/Hoofdtoegangsbeheerders.csv"), HEADER
                + "Peeters;Els;epeeters;VTE;85073003328;Actief;;;\n"
                + "Claes;Bart;bclaes;USER;;Actief;;;\n");

        LoadReport report = loader.load(dir, runs.start("test", ""));

        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.rejections()).extracting(r -> r.file() + ":" + r.row() + ":" + r.column()).containsExactly(
                "0212.978.247/Maatschappelijk Welzijn.csv:5:Type",
                "0212.978.247/Maatschappelijk Welzijn.csv:6:Gebruikersnaam",
                "0212.978.247/Maatschappelijk Welzijn.csv:7:Status",
                "0212.978.247/Maatschappelijk Welzijn.csv:8:E-mailadres",
                "0212600838/Hoofdtoegangsbeheerders.csv:3:Type");
        assertThat(jdbc.sql("select role || ' ' || status || ' ' || coalesce(insz, '-') || ' ' || array_to_string(applications, '|') "
                        + "from live_account where username = 'jdhondt'").query(String.class).single())
                .isEqualTo("TB ACTIEF 85073003328 Sociale Agent|e-Box van de instelling");
        assertThat(jdbc.sql("select last_name from live_account where username = 'pvdb'").query(String.class).single())
                .isEqualTo("Van den Broeck");
        assertThat(jdbc.sql("select first_name || ' ' || status from live_account where username = 'hdupont'")
                .query(String.class).single()).isEqualTo("Hélène GEBLOKKEERD");
        assertThat(jdbc.sql("select role from live_account where username = 'epeeters'").query(String.class).single())
                .isEqualTo("HTB");
        assertThat(jdbc.sql("select name from organisation where kbo = '0212978247'").query(String.class).single())
                .isEqualTo("OCMW Galmaarden");
    }

    @Test
    void aFiveThousandCharacterCellIsRefusedWithItsLengthNotTruncatedOrLoaded() throws Exception {
        Path dir = folder.resolve("long");
        write(dir.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER
                + "N".repeat(5000) + ";Jan;jlong;USER;;Actief;;;\n"
                + "Peeters;Jan;jpeeters;USER;;Actief;;;\n");

        LoadReport report = loader.load(dir, runs.start("test", ""));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.column()).isEqualTo("Naam");
            assertThat(r.reason().english()).isEqualTo("Naam is 5000 characters long; at most 200");
        });
    }

    @Test
    void reloadingADomainReplacesItsSnapshotKeepsTheOldOneAndAuditsEveryDifference() throws Exception {
        Path v1 = folder.resolve("v1");
        write(v1.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER
                + "Peeters;Jan;jpeeters;TB;;Actief;Handiweb;;\n"
                + "Maes;An;amaes;USER;;Actief;PrimaWeb;;\n");
        loader.load(v1, runs.start("test", ""));
        Path v2 = folder.resolve("v2");
        write(v2.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER
                + "Peeters;Jan;jpeeters;TB;;Geblokkeerd;Handiweb;;\n"
                + "Claes;Els;eclaes;USER;;Actief;;;\n");

        LoadFile file = loader.load(v2, runs.start("test", "")).files().get(0);

        assertThat(List.of(file.inserted(), file.updated(), file.removed())).containsExactly(1, 1, 1);
        assertThat(jdbc.sql("select username from live_account order by username").query(String.class).list())
                .containsExactly("eclaes", "jpeeters");
        assertThat(jdbc.sql("select status from access_snapshot order by id").query(String.class).list())
                .containsExactly("REPLACED", "CURRENT");
        assertThat(jdbc.sql("select count(*) from account a join access_snapshot s on s.id = a.snapshot_id "
                + "where s.status = 'REPLACED'").query(Long.class).single()).as("the old snapshot's accounts are kept").isEqualTo(2);
        assertThat(jdbc.sql("select action || ' ' || row_key || ' ' || coalesce(before ->> 'status', '-') || '>' "
                        + "|| coalesce(after ->> 'status', '-') from audit where table_name = 'account' order by row_key")
                .query(String.class).list()).containsExactly(
                "DELETE 0212978247/Maatschappelijk Welzijn/amaes ACTIEF>-",
                "INSERT 0212978247/Maatschappelijk Welzijn/eclaes ->ACTIEF",
                "UPDATE 0212978247/Maatschappelijk Welzijn/jpeeters ACTIEF>GEBLOKKEERD");
    }

    @Test
    void aReloadThatWouldRemoveMostOfADomainIsRefusedUntilTheOperatorSaysTheAccountsAreGone() throws Exception {
        // given three organisations with a domain of four accounts each
        String four = HEADER + "Peeters;Jan;jpeeters;TB;;Actief;;;\n" + "Maes;An;amaes;USER;;Actief;;;\n"
                + "Claes;Els;eclaes;USER;;Actief;;;\n" + "Wouters;Bo;bwouters;USER;;Actief;;;\n";
        Path v1 = folder.resolve("v1");
        for (String kbo : List.of("0212978247", "0212600838", "0212281728")) {
            write(v1.resolve(kbo + "/Maatschappelijk Welzijn.csv"), four);
        }
        loader.load(v1, runs.start("test", ""));
        List<String> before = accounts("0212978247", "0212600838");
        // and new exports: one with only its header, one that keeps one account of four, one that keeps two
        Path v2 = folder.resolve("v2");
        write(v2.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER);
        write(v2.resolve("0212600838/Maatschappelijk Welzijn.csv"), HEADER + "Peeters;Jan;jpeeters;TB;;Actief;;;\n");
        write(v2.resolve("0212281728/Maatschappelijk Welzijn.csv"), HEADER + "Peeters;Jan;jpeeters;TB;;Actief;;;\n"
                + "Maes;An;amaes;USER;;Actief;;;\n");

        // when they are loaded
        LoadReport refused = loader.load(v2, runs.start("test", ""));

        // then the first two are refused, with what they would remove and how to load them anyway; the third loads
        assertThat(refused.refusedFiles()).extracting(f -> f.name() + ": " + f.problem()).satisfiesExactly(
                p -> assertThat(p).startsWith("0212600838/Maatschappelijk Welzijn.csv")
                        .contains("would remove 3 of the 4 accounts of domain Maatschappelijk Welzijn").contains("--allow-shrink"),
                p -> assertThat(p).startsWith("0212978247/Maatschappelijk Welzijn.csv")
                        .contains("would remove 4 of the 4 accounts").contains("more than 50 %"));
        assertThat(accounts("0212978247", "0212600838")).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from live_account where kbo = '0212281728'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from access_snapshot where status = 'LOADING'").query(Long.class).single()).isZero();

        // when the operator says the accounts are really gone
        LoadReport allowed = loader.load(v2, true, runs.start("test", ""));

        // then the domains are what the exports say
        assertThat(allowed.anyFileRefused()).isFalse();
        assertThat(accounts("0212978247")).isEmpty();
        assertThat(accounts("0212600838")).containsExactly("0212600838|Maatschappelijk Welzijn|jpeeters|TB|ACTIEF");
    }

    @Test
    void aNulByteInACellIsARejectedRowNamingItsColumn() throws Exception {
        Path dir = folder.resolve("nul");
        write(dir.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER
                + "Peeters;Jan;jpeeters;TB;;Actief;;;\n"
                + "Maes;An;amaes;USER;;Actief;Handi\u0000web;;\n");

        LoadReport report = loader.load(dir, runs.start("test", ""));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejections()).extracting(r -> r.file() + ":" + r.row() + ":" + r.column() + ": " + r.reason())
                .singleElement().satisfies(r -> assertThat(r)
                        .startsWith("0212978247/Maatschappelijk Welzijn.csv:3:Beveiligde toepassingen: the cell holds a NUL"));
    }

    @Test
    void aFileRefusedWholeAddsNoOrganisationSnapshotRowOrAuditEntry() throws Exception {
        // given what is loaded already, and a folder whose only file is UTF-16 without a byte order mark
        Path v1 = folder.resolve("v1");
        write(v1.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER + "Peeters;Jan;jpeeters;TB;;Actief;;;\n");
        loader.load(v1, runs.start("test", ""));
        String before = content();
        Path utf16 = folder.resolve("utf16/0212600838/Maatschappelijk Welzijn.csv");
        Files.createDirectories(utf16.getParent());
        Files.write(utf16, (HEADER + "Maes;An;amaes;USER;;Actief;;;\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        // when it is loaded
        LoadReport report = loader.load(folder.resolve("utf16"), runs.start("test", ""));

        // then it is refused, and the organisations' data and the audit trail are as they were
        assertThat(report.refusedFiles()).singleElement().satisfies(f -> assertThat(f.problem()).contains("binary"));
        assertThat(content()).isEqualTo(before);
    }

    /** The organisations, their snapshots and accounts, and the audit trail, as one digest of every row. */
    private String content() {
        return be.ocmw.merge.support.ContentDigest.of(jdbc, be.ocmw.merge.support.ContentDigest.ORGANISATIONS);
    }

    /** The live accounts of these organisations, in a stable order. */
    private List<String> accounts(String... kbos) {
        return jdbc.sql("select concat_ws('|', kbo, domain, username, role, status) from live_account where kbo in (:kbos) "
                + "order by kbo, domain, username").param("kbos", List.of(kbos)).query(String.class).list();
    }

    @Test
    void loadingTheSameFilesTwiceChangesNothing() throws Exception {
        Path dir = folder.resolve("v1");
        write(dir.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER + "Peeters;Jan;jpeeters;TB;;Actief;;;\n");
        loader.load(dir, runs.start("test", ""));
        List<Object> before = state();

        LoadReport again = loader.load(dir, runs.start("test", ""));
        Path copy = folder.resolve("copy");
        write(copy.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER + "Peeters;Jan;jpeeters;TB;;Actief;;;\n");
        LoadReport sameContentElsewhere = loader.load(copy, runs.start("test", ""));

        assertThat(again.alreadyLoaded()).isTrue();
        assertThat(sameContentElsewhere.files().get(0).status()).isEqualTo("UNCHANGED");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aWorkbookThatBreaksHalfWayContributesNothingAndTheOtherFilesStillLoad() throws Exception {
        Path dir = folder.resolve("v1");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status", "Beveiligde toepassingen"));
        for (int i = 0; i < 3000; i++) {
            rows.add(row("Peeters" + i, "Jan", "u" + i, "USER", "", "Actief", "Handiweb"));
        }
        Path valid = Workbooks.xlsx(folder.resolve("valid.xlsx"), "Gebruikers", rows);
        Files.createDirectories(dir.resolve("0212978247"));
        Workbooks.truncated(valid, dir.resolve("0212978247/Maatschappelijk Welzijn.xlsx"));
        write(dir.resolve("0212600838/Maatschappelijk Welzijn.csv"), HEADER + "Maes;An;amaes;USER;;Actief;;;\n");
        Workbooks.xls(dir.resolve("0212600838/Werkgever RSZ.xls"), "x", List.of(row("Naam")));

        LoadReport report = loader.load(dir, runs.start("test", ""));

        assertThat(report.refusedFiles()).extracting(LoadFile::name).containsExactly(
                "0212600838/Werkgever RSZ.xls", "0212978247/Maatschappelijk Welzijn.xlsx");
        assertThat(report.refusedFiles().get(1).problem()).contains("damaged");
        assertThat(jdbc.sql("select count(*) from account where kbo = '0212978247'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select username from live_account").query(String.class).list()).containsExactly("amaes");
    }

    @Test
    void exportLoadExportGivesIdenticalFiles() throws Exception {
        Path dir = folder.resolve("v1");
        write(dir.resolve("0212978247/Maatschappelijk Welzijn.csv"), HEADER
                + "D'Hondt;Jan;jdhondt;LB;85.07.30-033.28;Actief;e-Box van de instelling|Sociale Agent;jan@x.be;NL\n"
                + "\"=cmd|' /C calc'!A0\";Evil;evil;USER;;Actief;;;\n"
                + "\"Semi;colon\";An;amaes;USER;;Geblokkeerd;;;FR\n");
        write(dir.resolve("0212978247/Hoofdtoegangsbeheerders.csv"), HEADER + "Peeters;Els;epeeters;HTB;;Actief;;;\n");
        loader.load(dir, runs.start("test", ""));

        Path first = folder.resolve("export1");
        export.export(Kbo.parse("0212978247"), first);
        loader.load(first, runs.start("test", ""));
        Path second = folder.resolve("export2");
        export.export(Kbo.parse("0212978247"), second);

        for (String name : List.of("Maatschappelijk Welzijn.csv", "Hoofdtoegangsbeheerders.csv")) {
            assertThat(Files.readAllBytes(second.resolve("0212978247").resolve(name)))
                    .isEqualTo(Files.readAllBytes(first.resolve("0212978247").resolve(name)));
        }
        String exported = Files.readString(first.resolve("0212978247/Maatschappelijk Welzijn.csv"));
        assertThat(exported).contains("'=cmd").doesNotContain(";=cmd").contains("\"Semi;colon\"");
        assertThat(jdbc.sql("select last_name from live_account where username = 'evil'").query(String.class).single())
                .startsWith("=cmd");
    }

    private List<Object> state() {
        return List.of(
                jdbc.sql("select count(*) from account").query(Long.class).single(),
                jdbc.sql("select count(*) from access_snapshot").query(Long.class).single(),
                jdbc.sql("select count(*) from audit").query(Long.class).single());
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
