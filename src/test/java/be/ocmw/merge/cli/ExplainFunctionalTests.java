package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static be.ocmw.merge.support.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

/** "Where did dossier GAL-0014 go?" answered from what the engine stored, before and after the apply (SPEC 5.4). */
class ExplainFunctionalTests {

    @TempDir
    Path workDir;

    String url;

    @Test
    void aDossierIsExplainedByTheRuleThatDecidedItBeforeAndAfterTheApply() throws Exception {
        url = SampleWorkflow.loadedCopy(workDir);
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        // Galmaarden (pajottegem, effective 2025-01-01): one dossier of each kind, and Antwerpen's own (it stays)
        String running = one("start_date < '2025-01-01' and (end_date is null or end_date > '2024-12-31')", "0212978247");
        String after = one("start_date >= '2025-01-01'", "0212978247");
        String ended = one("end_date <= '2024-12-31'", "0212978247");
        String retained = one("end_date is null", "0212235604");
        String reference = running.substring(running.indexOf('/') + 1);
        jar.run("plan", "pajottegem", "--out", "out");

        Run planned = jar.run("explain", "pajottegem", "--dossier", "0212.978.247/" + reference);
        SampleWorkflow.applied(jar, "pajottegem");
        Run done = jar.run("explain", "PAJOTTEGEM", "--dossier", running);
        Run successor = jar.run("explain", "pajottegem", "--dossier", "1002209443/" + reference, "--lang", "nl");
        Run afterCutover = jar.run("explain", "pajottegem", "--dossier", after);
        Run notTouched = jar.run("explain", "pajottegem", "--dossier", ended, "--lang", "fr");
        Run stays = jar.run("explain", "antwerpen", "--dossier", retained);
        Run nowhere = jar.run("explain", "pajottegem", "--dossier", "0212978247/NO-SUCH-1");
        Run bad = jar.run("explain", "pajottegem", "--dossier", "GAL-00001");

        assertThat(planned.exitCode()).as(planned.output()).isZero();
        assertThat(planned.out()).contains("the latest plan closes it on 31/12/2024 and reopens it under the merged OCMW as "
                + "1002.209.443/" + reference + " from 01/01/2025")
                // before the apply, its trail is the load that brought it
                .containsPattern("INSERT by run \\d+ \\(load dossiers\\)").doesNotContain("(apply)");
        assertThat(done.out()).contains("it was closed on 31/12/2024 and reopened under the merged OCMW as 1002.209.443/"
                + reference + " from 01/01/2025").containsPattern("by run \\d+")
                .containsPattern("UPDATE by run \\d+ \\(apply\\)").containsPattern("INSERT by run \\d+ \\(apply\\)");
        assertThat(successor.out()).contains("zet 0212.978.247/" + reference + " van een oud OCMW voort")
                .contains("afgesloten werd op 31/12/2024");
        assertThat(afterCutover.out()).contains("DOSSIER_AFTER_CUTOVER").contains("is not touched");
        assertThat(notTouched.out()).contains("n'est pas touché");
        assertThat(stays.out()).contains("the OCMW that stays with its KBO and NIS");
        assertThat(nowhere.exitCode()).isZero();
        assertThat(nowhere.out()).contains("was not found");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("KBO/REFERENCE");
    }

    @Test
    void aPersonsAccessIsExplainedRuleByRuleFromTheirSourceAccountsBeforeAndAfterTheApply() throws Exception {
        url = SampleWorkflow.loadedCopy(workDir);
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        // the sample's people (SampleData 2025 is the same on every machine): see SPEC 5.2-5.4 for their rules
        String threeOcmws = "81.02.16-678.72";   // Lotte Van den Broeck: TB / co-TB / co-TB, three names, three e-mails
        String blockedOnce = "62.04.19-657.06";  // Jürgen Desmet: blocked in Galmaarden, active in Gooik and Herne
        String mainNotDesignated = "62.08.28-619.93"; // Lotte Coppens: HTB of Galmaarden, designated TB only
        jar.run("plan", "pajottegem", "--out", "out");

        Run union = jar.run("explain", "pajottegem", "--insz", threeOcmws, "--reason", "helpdesk ticket 4711");
        Run status = jar.run("explain", "pajottegem", "--insz", blockedOnce.replace(".", "").replace("-", ""));
        Run main = jar.run("explain", "pajottegem", "--insz", mainNotDesignated, "--lang", "nl");
        Run renamed = jar.run("explain", "pajottegem", "--username", "eclaes", "--kbo", "0212.600.838");
        Run noInsz = jar.run("explain", "pajottegem", "--username", "jleclercq", "--lang", "fr");
        Run unknownApplication = jar.run("explain", "pajottegem", "--username", "jdesmet2");
        Run nobody = jar.run("explain", "pajottegem", "--insz", "85.07.30-033.28");
        Run bad = jar.run("explain", "pajottegem", "--insz", "85.07.30-033.29");
        Run both = jar.run("explain", "pajottegem", "--insz", threeOcmws, "--username", "eclaes");
        Path written = workDir.resolve("lotte.txt");
        Run toFile = jar.run("explain", "pajottegem", "--insz", threeOcmws, "--out", written.toString());
        Run again = jar.run("explain", "pajottegem", "--insz", threeOcmws, "--out", written.toString());
        SampleWorkflow.applied(jar, "pajottegem");
        Run done = jar.run("explain", "pajottegem", "--insz", threeOcmws);

        // union: the three source accounts as the plan found them, each application with the OCMWs that brought it
        assertThat(union.exitCode()).as(union.output()).isZero();
        assertThat(union.out()).contains("Lotte Van den Broeck (81.02.16-xxx.72) in merger Pajottegem")
                .doesNotContain(threeOcmws).contains("Not applied yet")
                .contains("Applications: the union of the applications of the 3 source account(s)");
        for (String[] source : sources(threeOcmws, "Maatschappelijk Welzijn")) {
            assertThat(union.out()).contains(source[0] + " (" + source[1] + "): " + source[2] + ", ");
            for (String application : source[3].split(",")) {
                assertThat(union.out()).containsPattern(java.util.regex.Pattern.quote(application) + " from [^;]*"
                        + java.util.regex.Pattern.quote(source[0]));
            }
        }
        assertThat(union.out()).contains("Status ACTIEF because the account is active in OCMW Galmaarden, OCMW Gooik, OCMW Herne")
                .contains("Type USER because no submission designates this person as an administrator of this domain, "
                        + "though they were TB in OCMW Galmaarden, co-TB in OCMW Gooik, co-TB in OCMW Herne")
                .contains("(ADMIN_NOT_DESIGNATED)").contains("(NAME_MISMATCH)").contains("(EMAIL_DIFFERS)")
                .contains("Username lvandenbroeck: that of the first source account in registry order (OCMW Galmaarden)")
                .contains("The plan creates account lvandenbroeck in the merged OCMW (1002.209.443): HTB, ACTIEF");
        assertThat(status.out()).contains("GEBLOKKEERD").contains(
                "Status ACTIEF because the account is active in OCMW Gooik, OCMW Herne (active in any source is enough)");
        assertThat(main.out()).contains("Geen hoofdtoegangsbeheerder van het gefusioneerde OCMW")
                .contains("De aanwijzingen wijzen aan: Lotte Van den Broeck (HTB), door de indiening van OCMW Herne van ")
                .contains("de indiening van OCMW Galmaarden van 05/11/2024 (bestand pajottegem-galmaarden.xlsx, blad "
                        + "Beheerders, rij 2); Noah De Backer (co-HTB), door de indiening van OCMW Galmaarden")
                .contains("Type TB omdat de indiening van OCMW Gooik van 12/11/2024 (bestand pajottegem-gooik-v2.xlsx, blad "
                        + "Beheerders, rij 3), de indiening van OCMW Galmaarden van 05/11/2024 (bestand pajottegem-galmaarden.xlsx, "
                        + "blad Beheerders, rij 4) deze persoon als TB aanwijzen");
        assertThat(renamed.out()).contains("Username eclaes2 and not the old one").contains("(USERNAME_RENAMED)");
        assertThat(noInsz.out()).contains("(un compte sans NISS)").contains("(NO_INSZ)");
        assertThat(unknownApplication.out()).contains("Oude Toepassing OCMW").contains("(UNKNOWN_APPLICATION)");
        assertThat(nobody.exitCode()).isZero();
        assertThat(nobody.out()).contains("No account with INSZ 85.07.30-xxx.28 was found in the OCMWs of merger Pajottegem");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("not a valid INSZ").contains("check digits").doesNotContain("85.07.30-033.29");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        // --out writes what the console shows, and never overwrites
        assertThat(toFile.exitCode()).as(toFile.output()).isZero();
        assertThat(java.nio.file.Files.readString(written)).contains("Lotte Van den Broeck (81.02.16-xxx.72)")
                .contains("(ADMIN_NOT_DESIGNATED)");
        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("never overwrites");
        // after the apply: the run that created the account and its audit row
        assertThat(done.out()).containsPattern("Applied by run \\d+ on .*, executed by operator")
                .contains("Approved by coordinator")
                .containsPattern("has account lvandenbroeck: created by run \\d+ \\(apply\\)")
                .containsPattern("Audit row #\\d+: INSERT by run \\d+ \\(apply\\)");
        // every look-up by INSZ is in the consultation log, with its reason or the lack of one
        assertThat(query("select count(*) || ' ' || min(reason) from consultation where what = 'explain --insz' "
                + "and reason = 'helpdesk ticket 4711'")).isEqualTo("1 helpdesk ticket 4711");
        assertThat(query("select count(*) from consultation where what = 'explain --insz'")).isEqualTo("6");
        assertThat(query("select count(*) from consultation where what = 'explain --insz' and persons = 0")).isEqualTo("1");
    }

    @Test
    void afterCorrectedSubmissionsEveryDesignationNamesWhoAndTheSubmissionRowsThatSaySo() throws Exception {
        // given pajottegem applied, then corrected workbooks of its three OCMWs: Lotte Coppens HTB, Lotte Van den
        // Broeck (the HTB so far) their TB of Maatschappelijk Welzijn
        url = SampleWorkflow.loadedCopy(workDir);
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        SampleWorkflow.applied(jar, "pajottegem");
        java.nio.file.Files.createDirectories(workDir.resolve("corrected"));
        for (String[] ocmw : new String[][]{{"galmaarden", "0212.978.247"}, {"gooik", "0212.600.838"}, {"herne", "0212.281.728"}}) {
            java.util.Map<String, java.util.List<java.util.List<Object>>> sheets = new java.util.LinkedHashMap<>();
            sheets.put("OCMW", java.util.List.of(row("Fusie", "pajottegem"), row("KBO-nummer", ocmw[1]),
                    row("Naam OCMW", "OCMW " + ocmw[0]), row("Ingediend op", java.time.LocalDate.of(2024, 11, 25)),
                    row("Ingediend door", "secretariaat@" + ocmw[0] + ".be")));
            sheets.put("Beheerders", java.util.List.of(row("Rol", "Domein", "INSZ", "Naam", "Voornaam", "E-mailadres", "Taal", "Telefoon"),
                    row("HTB", "", "62.08.28-619.93", "Coppens", "Lotte", "lotte.coppens@ocmw.example.be", "NL", ""),
                    row("TB", "Maatschappelijk Welzijn", "81.02.16-678.72", "Van den Broeck", "Lotte",
                            "lotte.vandenbroeck@ocmw.example.be", "NL", "")));
            Workbooks.xlsx(workDir.resolve("corrected/pajottegem-" + ocmw[0] + "-v3.xlsx"), sheets);
        }
        Run intake = jar.run("intake", "corrected", "--out", "out/intake-corrected");
        jar.run("plan", "pajottegem", "--out", "out");

        // when both are explained
        Run newHtb = jar.run("explain", "pajottegem", "--insz", "62.08.28-619.93");
        Run oldHtb = jar.run("explain", "pajottegem", "--insz", "81.02.16-678.72", "--lang", "nl");

        // then every designation says who, and which OCMWs' submissions (date, file, sheet, row) designate them
        assertThat(intake.exitCode()).as(intake.output()).isZero();
        assertThat(newHtb.out() + oldHtb.out()).doesNotContain("null").doesNotContain("nobody yet").doesNotContain("nog niemand");
        assertThat(newHtb.out()).contains("Type HTB because OCMW Herne's submission of 25/11/2024 (file "
                        + "pajottegem-herne-v3.xlsx, sheet Beheerders, row 2), OCMW Gooik's submission of 25/11/2024 (file ")
                .contains("OCMW Galmaarden's submission of 25/11/2024 (file pajottegem-galmaarden-v3.xlsx, sheet Beheerders, "
                        + "row 2) designate this person as HTB")
                // TB of the merged OCMW so far, no longer designated: who is instead, and where that is written
                // what the plan takes away (SPEC 5.7): the role, why, and the submissions that designate another
                .contains("TB → USER (an ordinary user with the same applications): this plan takes it away, because TB of "
                        + "the merged OCMW for Maatschappelijk Welzijn, but no current submission designates this person any "
                        + "more (Lotte Van den Broeck (TB): OCMW Herne, 25/11/2024 (pajottegem-herne-v3.xlsx, Beheerders:3)")
                .contains("the plan takes away: TB → USER");
        assertThat(oldHtb.out()).contains("Type TB omdat de indiening van OCMW Herne van 25/11/2024 (bestand "
                        + "pajottegem-herne-v3.xlsx, blad Beheerders, rij 3)")
                .contains("de indiening van OCMW Galmaarden van 25/11/2024 (bestand pajottegem-galmaarden-v3.xlsx, "
                        + "blad Beheerders, rij 3) deze persoon als TB aanwijzen");
    }

    /** The person's accounts in the old OCMWs: organisation, KBO as written, role label, applications (comma-separated). */
    private java.util.List<String[]> sources(String insz, String domain) throws Exception {
        java.util.List<String[]> sources = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select kbo, username, array_to_string(applications, ',') from live_account "
                     + "where insz = '" + insz.replaceAll("[^0-9]", "") + "' and domain = '" + domain 
                     + "' and kbo <> '1002209443' order by kbo")) {
            while (rs.next()) {
                String name = switch (rs.getString(1)) {
                    case "0212978247" -> "OCMW Galmaarden";
                    case "0212600838" -> "OCMW Gooik";
                    case "0212281728" -> "OCMW Herne";
                    default -> throw new AssertionError("not a Pajottegem OCMW: " + rs.getString(1));
                };
                String kbo = rs.getString(1);
                sources.add(new String[]{name, kbo.substring(0, 4) + "." + kbo.substring(4, 7) + "." + kbo.substring(7),
                        rs.getString(2), rs.getString(3)});
            }
        }
        assertThat(sources).hasSize(3);
        return sources;
    }

    private String query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** The first dossier (by reference) under {@code kbo} that meets {@code condition}, as KBO/REFERENCE. */
    private String one(String condition, String kbo) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select kbo || '/' || reference from dossier where kbo = '" + kbo
                     + "' and " + condition + " order by reference limit 1")) {
            assertThat(rs.next()).as(condition + " under " + kbo).isTrue();
            return rs.getString(1);
        }
    }
}
