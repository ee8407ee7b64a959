package be.ocmw.merge.web.internal;

import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.explain.Explanation;
import be.ocmw.merge.explain.Explanations;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The search box's controller alone (a web slice: the real page, the explanations stood in for): what it gives back
 * of what was typed, and which searches are consultations. Fast and sharp beside the full-stack page tests.
 */
@WebMvcTest(ExplainController.class)
@WithMockUser(username = "an", roles = "COORDINATOR")
class ExplainControllerTests extends WebSliceTest {

    @MockitoBean
    Explanations explanations;

    @MockitoBean
    Consultations consultations;

    @Test
    void aSearchByInszIsAConsultationWithItsReasonMaskedAndTheBoxIsLeftEmpty() throws Exception {
        when(explanations.lookup(any(), eq("81.02.16-678.72"), any())).thenReturn(new Explanations.Lookup.Explained(
                new Explanation("Lotte Van den Broeck (81.02.16-xxx.72) in fusie Pajottegem", true, List.of()), true, 1));

        String page = mvc.perform(post("/mergers/pajottegem/explain").param("q", "81.02.16-678.72")
                .param("reason", "ticket over 81021667872").with(csrf())).andReturn().getResponse().getContentAsString();

        ArgumentCaptor<Consultation> logged = ArgumentCaptor.forClass(Consultation.class);
        verify(consultations).record(logged.capture());
        assertThat(logged.getValue().actor()).isEqualTo("an");
        assertThat(logged.getValue().persons()).isEqualTo(1);
        assertThat(logged.getValue().reason()).isEqualTo("ticket over 810216xxx72");
        assertThat(page).contains("value=\"\"").doesNotContain("678.72").doesNotContain("81021667872");
    }

    @Test
    void aSearchByNameIsNoConsultationAndItsNationalNumbersComeBackMasked() throws Exception {
        when(explanations.lookup(any(), any(), any())).thenReturn(new Explanations.Lookup.Refused("niets"));

        String page = mvc.perform(post("/mergers/pajottegem/explain").param("q", "Lotte 81 02 16 678 72").with(csrf()))
                .andReturn().getResponse().getContentAsString();

        verify(consultations, never()).record(any());
        assertThat(page).contains("value=\"Lotte 81 02 16 xxx 72\"");
    }

    @Test
    void aReasonBeyondItsMaximumIsRefusedBeforeAnythingIsLookedUp() throws Exception {
        String page = mvc.perform(post("/mergers/pajottegem/explain").param("q", "81.02.16-678.72")
                .param("reason", "r".repeat(1001)).with(csrf())).andReturn().getResponse().getContentAsString();

        verify(explanations, never()).lookup(any(), any(), any());
        verify(consultations, never()).record(any());
        assertThat(page).contains("id=\"explain-refused\"").contains("telt 1001 tekens");
    }
}
