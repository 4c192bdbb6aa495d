package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The recovery summary: what a team's cases did in a period, from the facts the refresh
 * keeps; who may read it; a bad period is a problem naming the field.
 */
class InsightsTests extends ApplicationTest {

    @Autowired
    CaseFacts facts;

    @Test
    void aTeamsSummaryCountsItsCasesTheirAnswersAndHowTheyEnded() {
        long team = newTeam("Insights");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String number = open(admin(), "IN-" + unique()).get("number").asString();
            admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
            cases.add(number);
        }
        admin().post("/api/v1/cases/" + cases.get(0) + "/acknowledge", Map.of("message", "We are on it."));
        closeAsRecovered(cases.get(1));
        makeDue(admin().get("/api/v1/cases/" + cases.get(2)).json().get("id").asLong(), "ACKNOWLEDGE");
        admin().post("/api/v1/cases/" + cases.get(2) + "/acknowledge", Map.of("message", "Sorry for the wait."));
        refreshed();

        JsonNode summary = admin().get("/api/v1/insights/summary?team=" + team).json();

        JsonNode figures = summary.get("figures");
        assertThat(figures.get("opened").asLong()).isEqualTo(3);
        assertThat(figures.get("toAcknowledge").get("cases").asLong()).isEqualTo(3);
        assertThat(figures.get("toAcknowledge").get("medianMinutes").asDouble()).isBetween(0.0, 5.0);
        assertThat(figures.get("toAgree").get("cases").asLong()).isEqualTo(1);
        assertThat(figures.get("toFulfil").get("cases").asLong()).isEqualTo(1);
        assertThat(figures.get("closed").asLong()).isEqualTo(1);
        assertThat(figures.get("recovered").asLong()).isEqualTo(1);
        assertThat(figures.get("recoveryRate").asDouble()).isEqualTo(100.0);
        assertThat(figures.get("acknowledgeTarget").get("onTime").asLong()).isEqualTo(2);
        assertThat(figures.get("acknowledgeTarget").get("late").asLong()).isEqualTo(1);
        assertThat(figures.get("acknowledgeTarget").get("percent").asDouble()).isEqualTo(66.7);
        assertThat(figures.get("resolveTarget").get("onTime").asLong()).isEqualTo(1);
        assertThat(figures.get("promises").get("keptOnTime").asLong()).isEqualTo(1);
        assertThat(figures.get("promises").get("broken").asLong()).isZero();
        assertThat(figures.get("promises").get("keptOnTimePercent").asDouble()).isEqualTo(100.0);
        assertThat(summary.get("openNow").asLong()).isEqualTo(2);
        assertThat(summary.get("previous").get("opened").asLong()).isZero();
        assertThat(summary.get("byTeam").size()).isEqualTo(1);
        assertThat(summary.get("byTeam").get(0).get("teamId").asLong()).isEqualTo(team);
        assertThat(summary.get("byTeam").get(0).get("figures").get("opened").asLong()).isEqualTo(3);
    }

    @Test
    void readingTheFactsAgainChangesNothing() {
        long team = newTeam("Again");
        String number = open(admin(), "AG-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
        refreshed();
        String first = admin().get("/api/v1/insights/summary?team=" + team).json().get("figures").toString();

        jdbc.sql("update insight_refresh set changed_since = changed_since - interval '1' hour where id = 1").update();
        refreshed();

        assertThat(admin().get("/api/v1/insights/summary?team=" + team).json().get("figures").toString()).isEqualTo(first);
    }

    @Test
    void casesChangedAtOneInstantBeyondABatchAreAllReadABatchAtATime() {
        long team = newTeam("Bulk");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String number = open(admin(), "BU-" + unique()).get("number").asString();
            admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
            ids.add(admin().get("/api/v1/cases/" + number).json().get("id").asLong());
        }
        refreshed();
        // As a bulk import leaves them: three cases changed at one instant (one statement's).
        jdbc.sql("update recovery_cases set updated_at = current_timestamp, team_id = null where id in (:ids)")
            .param("ids", ids).update();
        CaseFacts twoAtATime = new CaseFacts(jdbc, java.time.Clock.systemUTC(), 2);

        int runs = 0;
        while (twoAtATime.refresh() == 2 && runs < 1_000) {
            runs++;
        }

        assertThat(runs).as("batches of two until caught up").isLessThan(1_000);
        assertThat(jdbc.sql("select count(*) from insight_case_facts where case_id in (:ids) and team_id is null")
            .param("ids", ids).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void agentsMayNotReadInsightsAndABadPeriodIsAProblemNamingIt() {
        Http agent = newUser("agent");

        Http.Response refused = agent.get("/api/v1/insights/summary");
        Http.Response badDate = admin().get("/api/v1/insights/summary?from=yesterday");
        Http.Response backwards = admin().get("/api/v1/insights/summary?from=2026-11-30&to=2026-11-01");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("detail").asString()).contains("from");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("detail").asString()).contains("to");
        Http.Response badTeam = admin().get("/api/v1/insights/summary?team=billing");
        assertThat(badTeam.status()).isEqualTo(400);
        assertThat(badTeam.json().get("detail").asString()).contains("team");
    }

    // The scheduled refresh runs every 30 s; run it now, until it has caught up.
    private void refreshed() {
        while (facts.refresh() == facts.batch()) {
            // a backlog of other tests' cases: another batch
        }
    }

}
