package be.ocmw.merge.merger.model;

import be.ocmw.merge.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCountsTests {

    @Test
    void summaryJsonHasTheGroupsAndCountsInTheOrderCoordinatorsReadThem() {
        // given counts contributed out of order, the way parts add them
        PlanCounts counts = PlanCounts.of(Count.REQUESTS_TO_RELINK, 24)
                .plus(PlanCounts.of(Count.DOSSIERS_TO_REOPEN, 5).with(Count.DOSSIERS_TO_CLOSE, 6))
                .plus(PlanCounts.of(Count.GRANTS_TO_CREATE, 40).with(Count.HTB, 1).with(Count.ACCOUNTS_TO_CREATE, 21));

        // when written as summary.json holds them
        Map<String, Map<String, Integer>> json = counts.asJson();

        // then administrators, accounts, grants, dossiers, requests: each with its own spelling
        assertThat(json.keySet()).containsExactly("administrators", "accounts", "grants", "dossiers", "online_requests");
        assertThat(json.get("dossiers").keySet()).containsExactly("to_close", "to_reopen");
        assertThat(json.get("grants")).containsEntry("to_create", 40);
        assertThat(json.get("accounts")).containsEntry("to_create", 21);
    }

    @Test
    void aStoredSummaryReadsBackAsTheSameCountsAndWhatIsNotACountIsLeftOut() {
        PlanCounts counts = PlanCounts.of(Count.ACCOUNTS_TO_CREATE, 3).with(Count.DOSSIERS_AFTER_CUTOVER, 1);
        Map<String, Object> summary = new LinkedHashMap<>(counts.asJson());
        summary.put("merger", "hasselt");
        summary.put("findings", List.of(Map.of("code", "NO_INSZ")));
        summary.put("target", Map.of("kbo", "0212978247", "nis", "71072"));

        assertThat(PlanCounts.fromJson(summary)).isEqualTo(counts);
    }

    @Test
    void aCountNotPlannedIsAbsentAndReadsAsZero() {
        PlanCounts counts = PlanCounts.of(Count.DOSSIERS_TO_CLOSE, 2);

        assertThat(counts.has(Count.REQUESTS_TO_RELINK)).isFalse();
        assertThat(counts.get(Count.REQUESTS_TO_RELINK)).isZero();
        assertThat(counts.of(Count.Group.ONLINE_REQUESTS)).isEqualTo(PlanCounts.none());
    }

    @Test
    void onlyTheFourAdministratorsRolesAreCountedAsAdministrators() {
        assertThat(Count.administrators(Role.CO_TB)).contains(Count.CO_TB);
        assertThat(Count.administrators(Role.HTB)).contains(Count.HTB);
        assertThat(Count.administrators(Role.SB)).isEmpty();
        assertThat(Count.administrators(Role.USER)).isEmpty();
    }
}
