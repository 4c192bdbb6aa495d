package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The recovery summary: what a team's cases did in a period, from the facts the refresh
 * keeps; who may read it; a bad period is a problem naming the field.
 */
class InsightsTests extends ApplicationTest {

    @Autowired
    CaseFacts facts;

    @Autowired
    RecoverySummary summaries;

    @Autowired
    DailyFigures daily;

    @Autowired
    PlatformTransactionManager transactions;

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
        assertThat(summary.get("by").asString()).isEqualTo("TEAM");
        assertThat(summary.get("breakdown").size()).isEqualTo(1);
        assertThat(summary.get("breakdown").get(0).get("key").asString()).isEqualTo(String.valueOf(team));
        assertThat(summary.get("breakdown").get(0).get("figures").get("opened").asLong()).isEqualTo(3);
        // The same figures by the other breakdowns, each line with the key its drill-down filters on.
        String by = "/api/v1/insights/summary?team=" + team + "&by=";
        assertThat(part(admin().get(by + "severity").json(), "2", "S2").get("opened").asLong()).isEqualTo(3);
        assertThat(part(admin().get(by + "channel").json(), "email", "Email").get("opened").asLong()).isEqualTo(3);
        assertThat(part(admin().get(by + "tier").json(), "standard", "standard").get("recovered").asLong()).isEqualTo(1);
        assertThat(part(admin().get(by + "agent").json(), "none", "Nobody").get("closed").asLong()).isEqualTo(1);
        assertThat(admin().get(by + "category").json().get("breakdown").get(0).get("key").asString()).isEqualTo("delivery");
        assertThat(admin().get("/api/v1/insights/cases?team=" + team + "&tier=standard").json().get("total").asLong()).isEqualTo(3);
        Http.Response badBy = admin().get(by + "mood");
        assertThat(badBy.status()).isEqualTo(400);
        assertThat(badBy.json().get("errors").get(0).get("field").asString()).isEqualTo("by");
    }

    // The one line of a breakdown, checked for its key and name; its figures.
    private static JsonNode part(JsonNode summary, String key, String name) {
        assertThat(summary.get("breakdown").size()).as(summary.toString()).isEqualTo(1);
        JsonNode part = summary.get("breakdown").get(0);
        assertThat(part.get("key").asString()).isEqualTo(key);
        assertThat(part.get("name").asString()).isEqualTo(name);
        return part.get("figures");
    }

    @Test
    void aSummaryReadWhileTheRefreshCommitsCountsOneStateOfTheFacts() throws InterruptedException {
        long team = newTeam("Snapshot");
        long elsewhere = newTeam("Snapshot elsewhere");
        String number = open(admin(), "SN-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
        closeAsRecovered(number);
        refreshed();
        long id = admin().get("/api/v1/cases/" + number).json().get("id").asLong();
        // Refreshes committing one after another while the summary is read: the case's team changes each time.
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread refreshes = new Thread(() -> {
            for (int turn = 0; reading.get(); turn++) {
                jdbc.sql("update recovery_cases set team_id = ?, updated_at = current_timestamp where id = ?")
                    .params(turn % 2 == 0 ? elsewhere : team, id).update();
                refreshed();
            }
        });
        refreshes.start();
        List<String> seen = new ArrayList<>();
        try {
            Period today = new Period(today(), today());
            for (int i = 0; i < 300; i++) {
                RecoverySummary.Summary summary = summaries.of(today, team);
                long linesOpened = summary.breakdown().stream().mapToLong(line -> line.figures().opened()).sum();
                long linesClosed = summary.breakdown().stream().mapToLong(line -> line.figures().closed()).sum();
                seen.add(summary.figures().opened() + " opened, " + summary.figures().closed() + " closed; its lines "
                    + linesOpened + " and " + linesClosed);
            }
        } finally {
            reading.set(false);
            refreshes.join();
        }

        // The team's one case was opened and closed today: counted in the figures and their lines, or in neither.
        assertThat(seen).containsOnly("1 opened, 1 closed; its lines 1 and 1", "0 opened, 0 closed; its lines 0 and 0");
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
        List<Long> ids = threeCases("BU", team);
        refreshed();
        // As a bulk import leaves them: three cases changed at one instant (one statement's).
        jdbc.sql("update recovery_cases set updated_at = current_timestamp, team_id = null where id in (:ids)")
            .param("ids", ids).update();
        CaseFacts twoAtATime = refreshReadingTwoAtATime();

        int runs = 0;
        while (twoAtATime.refresh() == 2 && runs < 1_000) {
            runs++;
        }

        assertThat(runs).as("batches of two until caught up").isLessThan(1_000);
        assertThat(jdbc.sql("select count(*) from insight_case_facts where case_id in (:ids) and team_id is null")
            .param("ids", ids).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aBacklogsDaysAreCountedOnceCaughtUpAndTheSummaryReadsTheFactsMeanwhile() {
        long before = newTeam("Backlog before");
        long after = newTeam("Backlog after");
        List<Long> ids = threeCases("BL", before);
        refreshed();
        CaseFacts twoAtATime = refreshReadingTwoAtATime();

        // Three cases moved at once (as a bulk change leaves them), then one batch of two read, in
        // one transaction so that the scheduled refresh cannot step in between.
        List<java.time.LocalDate> waiting = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("update recovery_cases set team_id = :team, updated_at = current_timestamp where id in (:ids)")
                .param("team", after).param("ids", ids).update();
            assertThat(twoAtATime.refresh()).as("a full batch: a backlog").isEqualTo(2);
            return jdbc.sql("select on_day from insight_days_to_count").query(java.time.LocalDate.class).list();
        });

        assertThat(waiting).as("the day they were opened waits").contains(today());
        // The scheduled refresh may catch up meanwhile: the summary agrees with the facts before or after it.
        long movedBefore = factsOf(after);
        long summary = opened(after);
        long movedAfter = factsOf(after);
        assertThat(summary).as("the summary meanwhile, as the facts have it").isBetween(movedBefore, movedAfter);

        while (twoAtATime.refresh() == 2) {
            // the rest of the backlog
        }
        assertThat(jdbc.sql("select count(*) from insight_days_to_count").query(Long.class).single()).isZero();
        assertThat(daily.upToDate()).isTrue();
        assertThat(opened(after)).isEqualTo(3);
        assertThat(opened(before)).isZero();
    }

    /** Three new cases held by this team, by id. */
    private List<Long> threeCases(String customerPrefix, long team) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String number = open(admin(), customerPrefix + "-" + unique()).get("number").asString();
            admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
            ids.add(admin().get("/api/v1/cases/" + number).json().get("id").asLong());
        }
        return ids;
    }

    /** The facts' refresh with a batch of two cases, so that three make a backlog. */
    private CaseFacts refreshReadingTwoAtATime() {
        return new CaseFacts(jdbc, new RemedyFacts(jdbc), new SurveyFacts(jdbc), new PromiseFacts(jdbc), daily,
            new CustomerActivity(jdbc), java.time.Clock.systemUTC(), 2);
    }

    private long factsOf(long team) {
        return jdbc.sql("select count(*) from insight_case_facts where team_id = ?").param(team).query(Long.class).single();
    }

    private long opened(long team) {
        return admin().get("/api/v1/insights/summary?team=" + team).json().get("figures").get("opened").asLong();
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
    @Test
    void theCsvExportHasALinePerCaseOfThePeriodWithItsFactsAndQuotesWhatNeedsIt() {
        long team = admin().post("/api/v1/teams", Map.of("name", "=Returns, north " + unique())).json().get("id").asLong();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String number = open(admin(), "CSV-" + unique()).get("number").asString();
            admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
            numbers.add(number);
        }
        closeAsRecovered(numbers.get(1));
        refreshed();

        Http.Response csv = admin().get("/api/v1/insights/cases.csv?team=" + team);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CaseExport.COLUMNS));
        assertThat(lines.get(1)).startsWith(numbers.get(0) + ",").contains(",\"'=Returns, north ")
            .contains(",delivery,EMAIL,2,");
        String[] recovered = lines.get(2).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        assertThat(recovered).hasSize(CaseExport.COLUMNS.size());
        assertThat(recovered[0]).isEqualTo(numbers.get(1));
        assertThat(recovered[CaseExport.COLUMNS.indexOf("outcome")]).isEqualTo("RECOVERED");
        assertThat(recovered[CaseExport.COLUMNS.indexOf("closed_at")]).endsWith("Z");
        assertThat(recovered[CaseExport.COLUMNS.indexOf("acknowledge_target")]).isEqualTo("ON_TIME");
        assertThat(recovered[CaseExport.COLUMNS.indexOf("promises_kept_on_time")]).isEqualTo("1");
        assertThat(admin().get("/api/v1/insights/cases.csv?to=yesterday").status()).isEqualTo(400);
        assertThat(member("agent", null).http().get("/api/v1/insights/cases.csv").status()).isEqualTo(403);
    }

    @Test
    void theCasesBehindAFigureAreExactlyTheOnesItCounted() {
        long team = newTeam("Drill");
        String open = open(admin(), "DR-" + unique()).get("number").asString();
        String recovered = open(admin(), "DR-" + unique()).get("number").asString();
        String lost = open(admin(), "DR-" + unique()).get("number").asString();
        for (String number : List.of(open, recovered, lost)) {
            admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
        }
        closeAsRecovered(recovered);
        admin().post("/api/v1/cases/" + lost + "/acknowledge", Map.of("message", "We are on it."));
        admin().post("/api/v1/cases/" + lost + "/close", Map.of("outcome", "not-recovered", "note", "Went elsewhere"));
        // Reopened when the customer wrote again, and closed once more.
        admin().post("/api/v1/cases/" + lost + "/reopen", Map.of("reason", "The customer wrote again"));
        admin().post("/api/v1/cases/" + lost + "/close", Map.of("outcome", "not-recovered", "note", "Went elsewhere for good"));
        refreshed();
        String drill = "/api/v1/insights/cases?team=" + team;

        JsonNode opened = admin().get(drill).json();
        JsonNode closed = admin().get(drill + "&counted=closed").json();
        JsonNode won = admin().get(drill + "&counted=closed&outcome=recovered").json();
        JsonNode byCause = admin().get(drill + "&cause=carrier-delay").json();
        JsonNode apologised = admin().get(drill + "&counted=closed&outcome=either&firstAnswer=within-an-hour&apology=true&remedy=false").json();

        assertThat(opened.get("total").asLong()).isEqualTo(3);
        assertThat(opened.get("nextCursor").isNull()).isTrue();
        assertThat(opened.get("items").valueStream().map(r -> r.get("number").asString())).containsExactly(lost, recovered, open);
        assertThat(closed.get("items").valueStream().map(r -> r.get("number").asString())).containsExactlyInAnyOrder(recovered, lost);
        assertThat(won.get("items").valueStream().map(r -> r.get("number").asString())).containsExactly(recovered);
        assertThat(won.get("items").get(0).get("cause").asString()).isEqualTo("Carrier delay");
        assertThat(byCause.get("total").asLong()).isEqualTo(1);
        assertThat(apologised.get("items").valueStream().map(r -> r.get("number").asString())).containsExactly(recovered);
        // The figure and its cases agree.
        JsonNode summary = admin().get("/api/v1/insights/summary?team=" + team).json().get("figures");
        assertThat(summary.get("recovered").asLong()).isEqualTo(won.get("total").asLong());
        assertThat(summary.get("closed").asLong()).isEqualTo(closed.get("total").asLong());
        assertThat(summary.get("reopened").asLong()).isEqualTo(1);
        assertThat(summary.get("reopenRate").asDouble()).isEqualTo(50.0);
        assertThat(admin().get(drill + "&counted=closed&reopened=true").json().get("items").valueStream()
            .map(r -> r.get("number").asString())).containsExactly(lost);
        List<String> csv = admin().get("/api/v1/insights/cases.csv?team=" + team + "&counted=closed&outcome=not-recovered").body()
            .lines().toList();
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith(lost + ",");

        Http.Response bad = admin().get(drill + "&late=sometimes");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("late");
        assertThat(admin().get(drill + "&channel=pigeon").status()).isEqualTo(400);
        assertThat(member("agent", team).http().get(drill).status()).isEqualTo(403);
    }

    @Test
    void goodwillCountsWhatWasGrantedWhoAskedAndTheApprovals() {
        long team = newTeam("Goodwill");
        Person agent = member("agent", team);
        admin().put("/api/v1/remedies/authority-limits", Map.of("userId", agent.id(), "type", "goodwill",
            "perCase", "5.00", "perMonth", "500.00"));
        JsonNode recoveredCase = open(admin(), "GW-" + unique());
        String recovered = recoveredCase.get("number").asString();
        // This customer is worth 200.00 EUR to the business; the other one's value is not known.
        Http.Response valued = admin().patch("/api/v1/customers/" + recoveredCase.get("customer").get("id").asLong(),
            Map.of("lifetimeValue", "200.00", "currency", "EUR"));
        assertThat(valued.status()).as(valued.body()).isEqualTo(200);
        String other = open(admin(), "GW-" + unique()).get("number").asString();
        for (String number : List.of(recovered, other)) {
            admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
        }
        admin().post("/api/v1/cases/" + recovered + "/remedies", Map.of("type", "goodwill", "amount", "10.00", "description", "Sorry"));
        long approved = agent.http().post("/api/v1/cases/" + other + "/remedies", Map.of("type", "goodwill", "amount", "20.00",
            "description", "For the wait")).json().get("id").asLong();
        long refused = agent.http().post("/api/v1/cases/" + other + "/remedies", Map.of("type", "goodwill", "amount", "30.00",
            "description", "And more")).json().get("id").asLong();
        admin().post("/api/v1/remedies/" + approved + "/approve", Map.of("note", "Fair"));
        admin().post("/api/v1/remedies/" + refused + "/reject", Map.of("note", "Too much"));
        closeAsRecovered(recovered);
        refreshed();

        JsonNode goodwill = admin().get("/api/v1/insights/goodwill?team=" + team).json();

        assertThat(goodwill.get("remedies").asLong()).isEqualTo(2);
        assertThat(goodwill.get("granted").asString()).isEqualTo("30.00");
        assertThat(goodwill.get("delivered").asString()).isEqualTo("0.00");
        assertThat(goodwill.get("currency").asString()).isEqualTo("EUR");
        assertThat(goodwill.get("recoveredCases").asLong()).isEqualTo(1);
        assertThat(goodwill.get("perRecoveredCase").asString()).isEqualTo("10.00");
        assertThat(goodwill.get("byType").get(0).get("name").asString()).isEqualTo("goodwill");
        assertThat(goodwill.get("byType").get(0).get("remedies").asLong()).isEqualTo(2);
        assertThat(goodwill.get("byTeam").get(0).get("granted").asString()).isEqualTo("30.00");
        assertThat(goodwill.get("byAgent").size()).isEqualTo(2);
        assertThat(goodwill.get("byAgent").get(0).get("granted").asString()).as("the agent asked for the larger one").isEqualTo("20.00");
        JsonNode approvals = goodwill.get("approvals");
        assertThat(approvals.get("asked").asLong()).isEqualTo(2);
        assertThat(approvals.get("granted").asLong()).isEqualTo(1);
        assertThat(approvals.get("refused").asLong()).isEqualTo(1);
        assertThat(approvals.get("waiting").asLong()).isZero();
        assertThat(approvals.get("medianHoursToDecide").asDouble()).isEqualTo(0.0);
        JsonNode value = goodwill.get("againstLifetimeValue");
        assertThat(value.get("customers").asLong()).isEqualTo(1);
        assertThat(value.get("granted").asString()).isEqualTo("10.00");
        assertThat(value.get("lifetimeValue").asString()).isEqualTo("200.00");
        assertThat(value.get("percent").asDouble()).isEqualTo(5.0);
        assertThat(value.get("medianPercent").asDouble()).isEqualTo(5.0);
    }

    @Test
    void retentionRefusesABadPeriodAndAgents() {
        Http.Response bad = admin().get("/api/v1/insights/retention?from=2026-13-01");
        Http.Response agent = member("agent", null).http().get("/api/v1/insights/retention");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("from");
        assertThat(agent.status()).isEqualTo(403);
    }

    @Test
    void causesAreCountedMostFrequentFirstWithOurPartAndTheCasesThatRecur() {
        long team = newTeam("Causes");
        String customer = "CA-" + unique();
        String first = causeFound(team, customer, "carrier-delay", "ours");
        // Closed, so that the customer's next complaint opens a case of its own.
        admin().post(first + "/close", Map.of("outcome", "not-recovered", "note", "Gave up on us"));
        causeFound(team, customer, "carrier-delay", "partly-ours");
        causeFound(team, "CB-" + unique(), "warehouse-error", "not-ours");
        String none = open(admin(), "CC-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + none + "/assign", Map.of("teamId", team));
        refreshed();

        JsonNode causes = admin().get("/api/v1/insights/causes?team=" + team).json();

        assertThat(causes.get("cases").asLong()).isEqualTo(4);
        assertThat(causes.get("withoutCause").asLong()).isEqualTo(1);
        assertThat(causes.get("recurring").asLong()).as("the same customer's second carrier delay").isEqualTo(1);
        JsonNode top = causes.get("causes").get(0);
        assertThat(top.get("code").asString()).isEqualTo("carrier-delay");
        assertThat(top.get("label").asString()).isEqualTo("Carrier delay");
        assertThat(top.get("cases").asLong()).isEqualTo(2);
        assertThat(top.get("percent").asDouble()).isEqualTo(66.7);
        assertThat(top.get("cumulativePercent").asDouble()).isEqualTo(66.7);
        assertThat(top.get("ours").asLong()).isEqualTo(1);
        assertThat(top.get("partlyOurs").asLong()).isEqualTo(1);
        assertThat(top.get("recurring").asLong()).isEqualTo(1);
        assertThat(top.get("previous").asLong()).isZero();
        JsonNode second = causes.get("causes").get(1);
        assertThat(second.get("label").asString()).isEqualTo("Picking or packing error");
        assertThat(second.get("notOurs").asLong()).isEqualTo(1);
        assertThat(second.get("cumulativePercent").asDouble()).isEqualTo(100.0);
        assertThat(admin().get("/api/v1/insights/causes?from=2026-02-30").status()).isEqualTo(400);
        assertThat(member("agent", team).http().get("/api/v1/insights/causes").status()).isEqualTo(403);
    }

    @Test
    void aCauseFoundLaterOnTheEarlierCaseMakesTheLaterOneRecurUntilItIsChanged() {
        long team = newTeam("Recurring");
        String customer = "CR-" + unique();
        String earlier = "/api/v1/cases/" + admin().post("/api/v1/complaints", complaint(customer, "billing")).json()
            .get("number").asString();
        admin().post(earlier + "/assign", Map.of("teamId", team));
        admin().post(earlier + "/acknowledge", Map.of("message", "We are on it."));
        admin().post(earlier + "/listen", Map.of("account", "Charged twice."));
        causeFound(team, customer, "pricing-error", "ours");
        refreshed();
        assertThat(admin().get("/api/v1/insights/causes?team=" + team).json().get("recurring").asLong()).isZero();

        // The earlier case's cause is found after the later one's: the later case recurs.
        admin().post(earlier + "/identify-cause", Map.of("rootCause", "pricing-error", "responsibility", "ours"));
        refreshed();
        assertThat(admin().get("/api/v1/insights/causes?team=" + team).json().get("recurring").asLong()).isEqualTo(1);

        // Found to be another cause after all: the later case no longer recurs.
        admin().post(earlier + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "not-ours"));
        refreshed();
        assertThat(admin().get("/api/v1/insights/causes?team=" + team).json().get("recurring").asLong()).isZero();
    }

    @Test
    void promisesDueInThePeriodAreCountedPerOwnerAndTeamByHowTheyWereKept() {
        long team = newTeam("Promises");
        Person owner = member("agent", team);
        String number = open(admin(), "PK-" + unique()).get("number").asString();
        String c = "/api/v1/cases/" + number;
        admin().post(c + "/assign", Map.of("teamId", team));
        String soon = java.time.Instant.now().plus(java.time.Duration.ofHours(2)).toString();
        long called = admin().post(c + "/promises", Map.of("description", "Call back", "dueAt", soon, "ownerId", owner.id()))
            .json().get("id").asLong();
        admin().post(c + "/promises", Map.of("description", "Send a voucher", "dueAt", soon));
        admin().post("/api/v1/promises/" + called + "/keep", Map.of("note", "Called"));
        refreshed();

        JsonNode report = admin().get("/api/v1/insights/promises?team=" + team + "&from=" + today().minusDays(1)
            + "&to=" + today().plusDays(1)).json();

        JsonNode total = report.get("total");
        assertThat(total.get("due").asLong()).isEqualTo(2);
        assertThat(total.get("keptOnTime").asLong()).isEqualTo(1);
        assertThat(total.get("open").asLong()).isEqualTo(1);
        assertThat(total.get("broken").asLong()).isZero();
        assertThat(total.get("onTimePercent").asDouble()).isEqualTo(50.0);
        assertThat(report.get("byOwner").size()).as("the agent and the administrator").isEqualTo(2);
        assertThat(report.get("byOwner").valueStream().map(line -> line.get("name").asString()).toList()).contains("Administrator");
        assertThat(report.get("byTeam").size()).isEqualTo(1);
        assertThat(report.get("byTeam").get(0).get("name").asString()).startsWith("Promises ");
        assertThat(report.get("byTeam").get(0).get("due").asLong()).isEqualTo(2);
        assertThat(admin().get("/api/v1/insights/promises?team=billing").json().get("detail").asString()).contains("team");
    }

    private String causeFound(long team, String customer, String cause, String responsibility) {
        String c = "/api/v1/cases/" + open(admin(), customer).get("number").asString();
        admin().post(c + "/assign", Map.of("teamId", team));
        admin().post(c + "/acknowledge", Map.of("message", "We are on it."));
        admin().post(c + "/listen", Map.of("account", "The parcel came late."));
        Http.Response found = admin().post(c + "/identify-cause", Map.of("rootCause", cause, "responsibility", responsibility));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return c;
    }

    private void refreshed() {
        while (facts.refresh() == facts.batch()) {
            // a backlog of other tests' cases: another batch
        }
        while (facts.refreshActivity() == CaseFacts.EVENT_BATCH) {
            // a backlog of other tests' business events
        }
    }

}
