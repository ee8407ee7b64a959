package be.ocmw.merge.access.internal;

import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.ChangeKind;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.finding.Finding;

import be.ocmw.merge.access.internal.AccessPlanner.Account;
import be.ocmw.merge.access.internal.AccessPlanner.Designation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of SPEC 5.2 and 5.3, one at a time, on accounts given by hand. */
class AccessPlannerTests {

    static final String DOMAIN = "Maatschappelijk Welzijn";
    static final String TARGET = "1002209443";
    static final String JAN = "85073003328";
    static final String AN = insz("720615123");
    static final Map<String, Set<String>> CATALOGUE = Map.of(DOMAIN, Set.of("Handiweb", "PrimaWeb", "Sociale Agent"));

    @Test
    void aPersonInThreeOcmwsBecomesOneAccountWithEveryApplicationActiveIfActiveAnywhere() {
        AccessPlanner planner = plan(List.of(
                account("0212978247", "OCMW Galmaarden", 0, "jpeeters", "Peeters", "Jan", JAN, "GEBLOKKEERD", "jan@galmaarden.be", "Handiweb"),
                account("0212600838", "OCMW Gooik", 1, "janp", "Peeters", "Jan", JAN, "ACTIEF", "jan@gooik.be", "PrimaWeb"),
                account("0212281728", "OCMW Herne", 2, "jp", "Peters", "Jan", JAN, "GEBLOKKEERD", null, "Sociale Agent")),
                List.of(), List.of());

        assertThat(planner.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.CREATE_ACCOUNT);
            assertThat(change.detail()).containsEntry("username", "jpeeters").containsEntry("status", "ACTIEF")
                    .containsEntry("email", "jan@galmaarden.be").containsEntry("last_name", "Peeters")
                    .containsEntry("applications", List.of("Handiweb", "PrimaWeb", "Sociale Agent"));
        });
        assertThat(planner.findings()).extracting(Finding::code).containsExactlyInAnyOrder("NAME_MISMATCH", "EMAIL_DIFFERS");
        assertThat(planner.counts().values()).containsEntry(Count.ACCOUNTS_TO_CREATE, 1).containsEntry(Count.MERGED_DUPLICATES, 2)
                .containsEntry(Count.GRANTS_TO_CREATE, 3);
    }

    @Test
    void anExistingTargetAccountKeepsItsUsernameAndEmailAndGetsWhatIsMissing() {
        AccessPlanner planner = plan(
                List.of(account("0212224419", "OCMW Kortessem", 1, "jpeeters2", "Peeters", "Jan", JAN, "ACTIEF", "j@k.be", "PrimaWeb")),
                List.of(account(TARGET, "OCMW Hasselt", -1, "jpeeters", "Peeters", "Jan", JAN, "GEBLOKKEERD", "j@h.be", "Handiweb")),
                List.of());

        assertThat(planner.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE_ACCOUNT);
            assertThat(change.detail()).containsEntry("username", "jpeeters").containsEntry("status", "ACTIEF")
                    .containsEntry("add_applications", List.of("PrimaWeb"));
        });
        assertThat(planner.counts().values()).containsEntry(Count.ALREADY_IN_TARGET, 1).containsEntry(Count.ACCOUNTS_TO_CREATE, 0);
    }

    @Test
    void aUsernameTakenInTheTargetBySomeoneElseGetsANewOne() {
        AccessPlanner planner = plan(
                List.of(account("0212224419", "OCMW Kortessem", 1, "apeeters", "Peeters", "An", AN, "ACTIEF", null, "Handiweb")),
                List.of(account(TARGET, "OCMW Hasselt", -1, "apeeters", "Peeters", "Anton", JAN, "ACTIEF", null, "Handiweb")),
                List.of());

        assertThat(planner.changes()).singleElement().satisfies(c -> assertThat(c.detail()).containsEntry("username", "apeeters2"));
        assertThat(planner.findings()).extracting(Finding::code).containsExactly("USERNAME_RENAMED");
        // the person must be told their new username: something to do, so not "for information only"
        assertThat(planner.findings()).extracting(Finding::severity).containsExactly(be.ocmw.merge.finding.Severity.WARNING);
        assertThat(planner.findings().get(0).detail()).contains("Anton Peeters");
    }

    @Test
    void anAccountWithoutInszIsCopiedWhenItsUsernameIsFreeAndListedEitherWay() {
        AccessPlanner planner = plan(List.of(
                account("0212978247", "OCMW Galmaarden", 0, "stagiair", "Stage", "Iair", null, "ACTIEF", null, "Handiweb"),
                account("0212600838", "OCMW Gooik", 1, "balie", "Balie", "Gooik", null, "ACTIEF", null, ""),
                account("0212281728", "OCMW Herne", 2, "balie", "Balie", "Herne", null, "ACTIEF", null, "")),
                List.of(), List.of());

        assertThat(planner.changes()).extracting(PlanChange::subject)
                .containsExactly(DOMAIN + "/stagiair", DOMAIN + "/balie");
        assertThat(planner.findings()).extracting(f -> f.code() + " " + f.subject())
                .containsExactly("NO_INSZ stagiair", "NO_INSZ balie", "NO_INSZ balie");
        assertThat(planner.findings().get(2).detail()).contains("not copied");
        assertThat(planner.counts().values()).containsEntry(Count.NOT_COPIED, 1);
    }

    @Test
    void onlyTheDesignatedGetAdministratorRolesAndTheOthersBecomeUsers() {
        AccessPlanner planner = plan(List.of(
                        account("0212978247", "OCMW Galmaarden", 0, "tbgal", "Tb", "Gal", JAN, "ACTIEF", null, "Handiweb", "TB"),
                        account("0212600838", "OCMW Gooik", 1, "tbgoo", "Tb", "Goo", AN, "ACTIEF", null, "Handiweb", "TB")),
                List.of(),
                List.of(new Designation(be.ocmw.merge.domain.Role.TB, DOMAIN, new be.ocmw.merge.domain.Insz(AN), "Tb", "Goo", "tb@gooik.be", "NL", "OCMW Gooik"),
                        new Designation(be.ocmw.merge.domain.Role.HTB, null, new be.ocmw.merge.domain.Insz(JAN), "Tb", "Gal", "htb@x.be", "NL", "OCMW Galmaarden")));

        assertThat(planner.changes()).extracting(c -> c.domain() + " " + c.detail().get("username") + " " + c.detail().get("role"))
                .containsExactlyInAnyOrder("Hoofdtoegangsbeheerders gtb HTB", DOMAIN + " tbgal USER", DOMAIN + " tbgoo TB");
        assertThat(planner.findings()).extracting(Finding::code).containsExactly("ADMIN_NOT_DESIGNATED");
        assertThat(planner.counts().values()).containsEntry(Count.HTB, 1).containsEntry(Count.TB, 1);
    }

    @Test
    void anUndesignatedTargetAdministratorLosesTheRole() {
        AccessPlanner planner = plan(List.of(),
                List.of(account(TARGET, "OCMW Hasselt", -1, "oldtb", "Old", "Tb", JAN, "ACTIEF", null, "Handiweb", "TB")),
                List.of(new Designation(be.ocmw.merge.domain.Role.TB, DOMAIN, new be.ocmw.merge.domain.Insz(AN), "New", "Tb", "n@x.be", "NL", "OCMW Hasselt, 02/12/2024 (hasselt.xlsx, Beheerders:2)")));

        // a correction of its own (SPEC 5.7): before TB, after USER, why and from which submission
        assertThat(planner.changes()).extracting(c -> c.kind() + " " + c.detail().get("username") + " " + c.detail().get("role")
                        + " " + c.detail().get("new_role"))
                .containsExactly("CREATE_ACCOUNT tnew TB null", "WITHDRAW_ROLE oldtb TB USER");
        PlanChange.Correction withdrawal = (PlanChange.Correction) planner.changes().get(1);
        assertThat(withdrawal.why().english()).contains("TB of the merged OCMW for " + DOMAIN);
        assertThat(withdrawal.source()).isEqualTo("Tb New (TB): OCMW Hasselt, 02/12/2024 (hasselt.xlsx, Beheerders:2)");
        assertThat(planner.counts().values()).containsEntry(Count.ROLES_WITHDRAWN, 1).containsEntry(Count.ACCOUNTS_TO_UPDATE, 0);
        assertThat(planner.findings()).extracting(Finding::code).doesNotContain("ADMIN_NOT_DESIGNATED");
    }

    @Test
    void aNewHtbReplacesTheOldOneWhoLeavesTheOrganisationLevelButKeepsTheirDomainAccount() {
        Account oldHtb = new Account(TARGET, "OCMW Pajottegem", -1, AccessPlanner.MAIN, "oldhtb", "Old", "Htb",
                be.ocmw.merge.domain.Role.HTB, new be.ocmw.merge.domain.Insz(JAN),
                be.ocmw.merge.domain.AccountStatus.ACTIEF, "o@x.be", null, List.of());
        AccessPlanner planner = plan(List.of(),
                List.of(oldHtb, account(TARGET, "OCMW Pajottegem", -1, "oldhtb", "Old", "Htb", JAN, "ACTIEF", null, "Handiweb")),
                List.of(new Designation(be.ocmw.merge.domain.Role.HTB, null, new be.ocmw.merge.domain.Insz(AN), "New", "Htb",
                        "n@x.be", "NL", "OCMW Gooik, 20/01/2025 (gooik.xlsx, Beheerders:2)")));

        assertThat(planner.changes()).extracting(c -> c.kind() + " " + c.domain() + " " + c.detail().get("username"))
                .containsExactly("CREATE_ACCOUNT Hoofdtoegangsbeheerders hnew", "WITHDRAW_ROLE Hoofdtoegangsbeheerders oldhtb");
        PlanChange.Correction withdrawn = (PlanChange.Correction) planner.changes().get(1);
        assertThat(withdrawn.newRole()).as("leaves the organisation-level administrators").isNull();
        assertThat(withdrawn.source()).contains("gooik.xlsx");
        assertThat(planner.counts().values()).containsEntry(Count.ROLES_WITHDRAWN, 1).containsEntry(Count.HTB, 1);
        assertThat(planner.findings()).extracting(Finding::message).doesNotContain("ADMIN_NOT_DESIGNATED.main.target");
    }

    @Test
    void theMergedOcmwsReviewBlocksAnAccountAndWithdrawsAnApplicationThatNoSourceBringsBack() {
        AccessPlanner planner = new AccessPlanner(TARGET, CATALOGUE);
        planner.plan(List.of(account("0212224419", "OCMW Kortessem", 1, "jp", "Peeters", "Jan", JAN, "ACTIEF", null, "Handiweb|PrimaWeb")),
                List.of(account(TARGET, "OCMW Hasselt", -1, "jpeeters", "Peeters", "Jan", JAN, "ACTIEF", null, "Handiweb"),
                        account(TARGET, "OCMW Hasselt", -1, "balie", "Balie", "Hasselt", null, "ACTIEF", null, "Sociale Agent")),
                List.of(), List.of(
                        new AccessPlanner.Review(DOMAIN, "JPEETERS", true, List.of("Handiweb"), "OCMW Hasselt (review.xlsx, Gebruikers:2)"),
                        new AccessPlanner.Review(DOMAIN, "balie", false, List.of("Sociale Agent"), "OCMW Hasselt (review.xlsx, Gebruikers:3)")));

        assertThat(planner.changes()).extracting(c -> c.kind() + " " + c.detail().get("username") + " "
                        + c.detail().getOrDefault("applications", c.detail().get("add_applications")) + " " + c.detail().get("status"))
                .containsExactly("UPDATE_ACCOUNT jpeeters [PrimaWeb] null",
                        "BLOCK_ACCOUNT jpeeters null null",
                        "WITHDRAW_APPLICATIONS jpeeters [Handiweb] null",
                        "WITHDRAW_APPLICATIONS balie [Sociale Agent] null");
        assertThat(planner.accounts()).filteredOn(a -> a.username().equals("jpeeters")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(be.ocmw.merge.domain.AccountStatus.GEBLOKKEERD);
            assertThat(a.applications()).containsExactly("PrimaWeb");
        });
        assertThat(planner.counts().values()).containsEntry(Count.ACCOUNTS_BLOCKED, 1).containsEntry(Count.APPLICATIONS_WITHDRAWN, 2);
    }

    @Test
    void applicationsOutsideTheCatalogueAreKeptAndListed() {
        AccessPlanner planner = plan(List.of(
                account("0212978247", "OCMW Galmaarden", 0, "jp", "Peeters", "Jan", JAN, "ACTIEF", null, "Handiweb|Oude Toepassing")),
                List.of(), List.of());

        assertThat(planner.changes().get(0).detail().get("applications")).isEqualTo(List.of("Handiweb", "Oude Toepassing"));
        assertThat(planner.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("UNKNOWN_APPLICATION");
            assertThat(f.detail()).contains("Oude Toepassing");
        });
    }

    @Test
    void theOldOcmwsReviewsLeaveOutBlockAndTrimAndADesignatedAdministratorNotToCopyBlocksThePlan() {
        AccessPlanner planner = new AccessPlanner(TARGET, CATALOGUE);
        planner.plan(List.of(
                        account("0212978247", "OCMW Galmaarden", 0, "jpeeters", "Peeters", "Jan", JAN, "ACTIEF", null, "Handiweb|PrimaWeb"),
                        account("0212600838", "OCMW Gooik", 1, "janp", "Peeters", "Jan", JAN, "ACTIEF", null, "Sociale Agent"),
                        account("0212600838", "OCMW Gooik", 1, "stagiair", "Stage", "Iair", null, "ACTIEF", null, "Handiweb"),
                        account("0212600838", "OCMW Gooik", 1, "oud", "Oud", "Account", AN,
                                "ACTIEF", null, "Handiweb|PrimaWeb"),
                        account("0212281728", "OCMW Herne", 2, "tbher", "Tb", "Her", insz("650101123"), "ACTIEF", null, "Handiweb", "TB")),
                List.of(),
                List.of(new Designation(be.ocmw.merge.domain.Role.TB, DOMAIN, new be.ocmw.merge.domain.Insz(insz("650101123")),
                        "Tb", "Her", "t@x.be", "NL", "OCMW Herne")),
                List.of(), List.of(
                        // Galmaarden says not to copy Jan; Gooik copies him: his account is Gooik's alone
                        new AccessPlanner.SourceReview("0212978247", DOMAIN, "JPEETERS", false, false, List.of(), "Galmaarden:2"),
                        new AccessPlanner.SourceReview("0212600838", DOMAIN, "stagiair", true, true, List.of(), "Gooik:3"),
                        new AccessPlanner.SourceReview("0212600838", DOMAIN, "oud", true, false, List.of("PrimaWeb"), "Gooik:4"),
                        new AccessPlanner.SourceReview("0212281728", DOMAIN, "tbher", false, false, List.of(), "Herne:2")));

        assertThat(planner.accounts()).extracting(a -> a.username() + " " + a.status() + " " + a.applications())
                .contains("janp ACTIEF [Sociale Agent]", "stagiair GEBLOKKEERD [Handiweb]", "oud ACTIEF [Handiweb]");
        assertThat(planner.findings()).extracting(f -> f.code() + " " + f.subject() + " " + f.severity())
                .contains("REVIEW_NOT_COPIED jpeeters INFO", "REVIEW_APPLICATION_LEFT_OUT oud INFO",
                        "REVIEW_CONFLICT tbher BLOCKING");
        assertThat(planner.counts().values()).containsEntry(Count.SOURCE_ACCOUNTS, 5).containsEntry(Count.NOT_COPIED, 1);
    }

    private static AccessPlanner plan(List<Account> sources, List<Account> target, List<Designation> designations) {
        AccessPlanner planner = new AccessPlanner(TARGET, CATALOGUE);
        planner.plan(sources, target, designations);
        return planner;
    }

    private static Account account(String kbo, String organisation, int order, String username, String lastName, String firstName,
                                   String insz, String status, String email, String applications) {
        return account(kbo, organisation, order, username, lastName, firstName, insz, status, email, applications, "USER");
    }

    private static Account account(String kbo, String organisation, int order, String username, String lastName, String firstName,
                                   String insz, String status, String email, String applications, String role) {
        return new Account(kbo, organisation, order, DOMAIN, username, lastName, firstName, be.ocmw.merge.domain.Role.valueOf(role), insz == null ? null : new be.ocmw.merge.domain.Insz(insz), be.ocmw.merge.domain.AccountStatus.valueOf(status), email, null,
                applications.isEmpty() ? List.of() : List.of(applications.split("\\|")));
    }

    private static String insz(String firstNine) {
        return firstNine + String.format("%02d", 97 - Long.parseLong(firstNine) % 97);
    }
}
