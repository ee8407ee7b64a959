package be.ocmw.merge.web;

import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whatever a coordinator types — a national number in a search, in any spelling, in a comment or a reason; a NUL byte or
 * an escape sequence — no page shows a full INSZ back, and no field answers with a server error.
 */
class DashboardPersonalDataTests extends DashboardTest {

    /** Digits of any script joined by the separators people type: what an INSZ "in any spelling" is made of. */
    private static final Pattern SEPARATORS = Pattern.compile("(?<=\\d)[\\s.\\-/_,\\u2010-\\u2015\\uff0d\\uff0e]{1,3}(?=\\d)");

    String fingerprint;

    @BeforeEach
    void samplePlanned() {
        loadSampleData(folder);
        var registry = RegistryLoader.load(Registries.shipped()).registry();
        fingerprint = runs.plan(registry.find("pajottegem").orElseThrow(), REPORTS, ReportOptions.DEFAULT, run())
                .plan().fingerprint();
    }

    @Test
    void noPageGivesACoordinatorAFullInszBackWhateverWasTyped() throws Exception {
        List<String> typed = List.of("INSZ 81.02.16-678.72", "81.02.16-678.72 Lotte", "81 02 16 678 72 Lotte",
                "\uff18\uff11\uff10\uff12\uff11\uff16\uff16\uff17\uff18\uff17\uff12", "Lotte 81021667872 x");
        StringBuilder seen = new StringBuilder();
        for (String query : typed) {
            seen.append(search(query, "ticket over 81.02.16-678.72"));
        }
        seen.append(page("/mergers/pajottegem/explain?username=" + "81021667872", coordinator()));
        seen.append(page("/mergers/pajottegem/explain?dossier=0212978247/81.02.16-678.72", coordinator()));
        MvcResult approved = mvc.perform(post("/mergers/pajottegem/approve").param("fingerprint", fingerprint)
                .param("comment", "gecontroleerd met 81.02.16-678.72 en 81021667872").with(coordinator()).with(csrf())).andReturn();
        seen.append(page(approved.getResponse().getRedirectedUrl(), coordinator(), approved));
        seen.append(page("/mergers/pajottegem", coordinator()));
        seen.append(page("/runs", coordinator()));

        String digits = normalised(seen.toString());
        for (String insz : everyFullInsz()) {
            assertThat(digits).as("a full INSZ on a page").doesNotContain(insz.replaceAll("[^0-9]", ""));
        }
        assertThat(seen.toString()).contains("81.02.16-xxx.72").contains("gecontroleerd met 81.02.16-xxx.72");
    }

    @Test
    void aNulByteOrAnEscapeInAnyFieldIsAPlainRefusalNeverAServerError() throws Exception {
        List<MvcResult> answers = List.of(
                mvc.perform(post("/mergers/pajottegem/explain").param("q", "a\u0000b").with(coordinator()).with(csrf())).andReturn(),
                mvc.perform(post("/mergers/pajottegem/explain").param("q", "\u001b[2J").with(coordinator()).with(csrf())).andReturn(),
                mvc.perform(post("/mergers/pajottegem/explain").param("q", "Lotte").param("reason", "r\u0000")
                        .with(coordinator()).with(csrf())).andReturn(),
                mvc.perform(get("/mergers/pajottegem/explain").param("username", "a\u0000b").with(coordinator())).andReturn(),
                mvc.perform(get("/mergers/pajottegem/explain").param("dossier", "0212978247/a\u0000b").with(coordinator())).andReturn(),
                mvc.perform(post("/mergers/pajottegem/approve").param("fingerprint", fingerprint).param("comment", "ok\u0000")
                        .with(coordinator()).with(csrf())).andReturn(),
                mvc.perform(post("/mergers/pajottegem/withdraw").param("comment", "\u0000").with(coordinator()).with(csrf())).andReturn());

        for (MvcResult answer : answers) {
            assertThat(answer.getResponse().getStatus()).as(answer.getRequest().getRequestURI()).isEqualTo(400);
            assertThat(answer.getResponse().getErrorMessage()).isNull();
        }
        assertThat(jdbc.sql("select count(*) from approval").query(Integer.class).single()).isZero();
        // what the reader sees, in their words (the error page the refusal is forwarded to)
        String page = mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400)
                .requestAttr("be.ocmw.merge.web.internal.TypedFieldsFilter.refused",
                        be.ocmw.merge.domain.FreeText.controlProblemInField("a\u0000b").orElseThrow())
                .with(coordinator())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Een van de velden die u verstuurde bevat een onzichtbaar stuurteken (U+0000 op positie 2)");
    }

    @Test
    void aTooLongCommentOrSearchIsRefusedInWordsAndNothingIsRecorded() throws Exception {
        MvcResult approved = mvc.perform(post("/mergers/pajottegem/approve").param("fingerprint", fingerprint)
                .param("comment", "x".repeat(100_000)).with(coordinator()).with(csrf())).andReturn();
        String search = search("y".repeat(5_000), null);

        assertThat(page(approved.getResponse().getRedirectedUrl(), coordinator(), approved)).contains("id=\"approval-refused\"")
                .contains("telt 100000 tekens").doesNotContain("x".repeat(200));
        assertThat(jdbc.sql("select count(*) from approval").query(Integer.class).single()).isZero();
        assertThat(search).contains("id=\"explain-refused\"").contains("telt 5000 tekens").doesNotContain("y".repeat(200));
    }

    private String search(String query, String reason) throws Exception {
        var request = post("/mergers/pajottegem/explain").param("q", query).with(coordinator()).with(csrf());
        if (reason != null) {
            request = request.param("reason", reason);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    /** The text with digits of every script as 0-9 and the separators between digits taken out. */
    private static String normalised(String text) {
        StringBuilder ascii = new StringBuilder();
        text.codePoints().forEach(cp -> ascii.append(Character.isDigit(cp) ? (char) ('0' + Character.digit(cp, 10))
                : new String(Character.toChars(cp))));
        return SEPARATORS.matcher(ascii).replaceAll("");
    }
}
