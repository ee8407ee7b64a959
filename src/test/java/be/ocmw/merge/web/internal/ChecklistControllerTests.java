package be.ocmw.merge.web.internal;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.domain.Account;
import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.merger.Checklist;
import be.ocmw.merge.merger.PlanViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Ticking a task, the controller alone (a web slice: the checklist and the run log stood in for): only a task of the
 * latest plan can be ticked, by the person signed in, in a run of its own, and the page comes back at the checklist.
 */
@WebMvcTest(ChecklistController.class)
@WithMockUser(username = "an", roles = "COORDINATOR")
class ChecklistControllerTests extends WebSliceTest {

    /** The signed-in coordinator, as the users file knows her. */
    private static final Actor AN = Actor.of(new Account(Account.Kind.USERS_FILE, "an"));

    @MockitoBean
    PlanViews views;

    @MockitoBean
    Checklist checklist;

    @MockitoBean
    RunLog runLog;

    @BeforeEach
    void latestPlanHasOneTask() {
        when(views.latestTasks(any(), any())).thenReturn(List.of(
                new PlanViews.Task("LOGIN_CHOICE", LocalDate.of(2024, 12, 1), "Kies de login", null)));
        when(runLog.start(anyString(), anyString(), any(Actor.class))).thenReturn(41L);
    }

    @Test
    void aTaskOfTheLatestPlanIsTickedByWhoeverIsSignedInInARunOfItsOwn() throws Exception {
        MvcResult result = mvc.perform(post("/mergers/pajottegem/tasks/LOGIN_CHOICE").with(csrf())).andReturn();

        verify(runLog).start("task", "pajottegem LOGIN_CHOICE --done (dashboard, an)", AN);
        verify(checklist).mark(any(), eq("LOGIN_CHOICE"), eq(true), eq(AN), eq(41L));
        verify(runLog).finish(41L, ExitCode.DONE, "done");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/mergers/pajottegem#tasks");
    }

    @Test
    void aTaskTheLatestPlanDoesNotHaveIsNotFoundAndNothingIsMarked() throws Exception {
        MvcResult result = mvc.perform(post("/mergers/pajottegem/tasks/NO_SUCH_TASK").with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        verify(checklist, never()).mark(any(), anyString(), anyBoolean(), any(Actor.class), anyLong());
        verify(runLog, never()).start(anyString(), anyString(), any(Actor.class));
    }
}
