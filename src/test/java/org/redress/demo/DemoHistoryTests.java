package org.redress.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.redress.insights.Breakdown;
import org.redress.insights.Causes;
import org.redress.insights.Goodwill;
import org.redress.insights.Period;
import org.redress.insights.RecoverySummary;
import org.redress.insights.Retention;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The demo on a new installation: six months of history behind today's cases, so that every
 * section of the Insights page has a story to tell, read as a manager reads it (the API over
 * the last 180 days); and the demo's people and open cases as before.
 */
class DemoHistoryTests {

    @Test
    void theInsightsPageTellsTheDemosStoryOnPostgres() throws InterruptedException {
        theInsightsTellTheStory(PostgresDatabase.fresh());
    }

    @Test
    void theInsightsPageTellsTheDemosStoryOnH2() throws InterruptedException {
        theInsightsTellTheStory("jdbc:h2:mem:demo-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private void theInsightsTellTheStory(String url) throws InterruptedException {
        try (ConfigurableApplicationContext node = Nodes.start(url, false, "--demo", "--redress.insights.refresh-every=1s")) {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            Http mia = Http.basic(port, "mia@demo.redress", DemoData.PASSWORD);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String period = "?from=" + today.minusDays(179) + "&to=" + today;
            JsonNode summary = refreshed(mia, "/api/v1/insights/summary" + period);

            theDemoIsAsBefore(port, mia);
            casesAreClosedAndTheQuickerTeamRecoversMore(summary);
            recoveredCustomersComeBackMoreThanTheOthers(retention(mia, "/api/v1/insights/retention" + period));
            carrierDelaysLeadTheCausesUntilTheirActionIsDone(mia.get("/api/v1/insights/causes" + period).json(),
                mia.get("/api/v1/insights/lessons" + period).json());
            aQuickAnswerRecoversMore(mia.get("/api/v1/insights/what-recovers" + period).json());
            goodwillPromisesSurveysAndWinsAreThere(mia, period);
            reviewsAndACalibrationAreThere(port, mia);
            trainingIsThereWithACertifiedAgent(port, mia);
            theDailyFiguresAddUpToWhatTheFactsSay(node, new Period(today.minusDays(179), today));
            theKeptActivityGivesTheRetentionWorkedOutFromTheEvents(node, today);
        }
    }

    // Retention from the rows the refresh keeps (ADR 17) and worked out from the business events and the
    // facts: the same groups, for the six months, each month of them, and each team; read while the refresh waits.
    private static void theKeptActivityGivesTheRetentionWorkedOutFromTheEvents(ConfigurableApplicationContext node,
                                                                               LocalDate today) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        Retention retention = node.getBean(Retention.class);
        new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            jdbc.sql("select id from insight_refresh where id = 1 for update").query(Long.class).single();
            List<Period> periods = new ArrayList<>(List.of(new Period(today.minusDays(179), today)));
            for (int month = 0; month < 6; month++) {
                periods.add(new Period(today.minusDays(30L * month + 29), today.minusDays(30L * month)));
            }
            List<Long> teams = new ArrayList<>(jdbc.sql("select id from teams").query(Long.class).list());
            teams.add(null);
            Map<String, Retention.Report> kept = new LinkedHashMap<>();
            for (Period period : periods) {
                for (Long team : teams) {
                    kept.put(period + " team " + team, retention.of(period, team));
                }
            }
            jdbc.sql("update insight_refresh set activity_counted = false where id = 1").update();
            for (Period period : periods) {
                for (Long team : teams) {
                    String which = period + " team " + team;
                    assertThat(kept.get(which)).as(which).usingRecursiveComparison().ignoringFields("asOf")
                        .isEqualTo(retention.of(period, team));
                }
            }
            assertThat(kept.get(periods.get(0) + " team null").groups()).allSatisfy(group ->
                assertThat(group.customers()).as(group.group()).isPositive());
            status.setRollbackOnly();
        });
    }

    // The summary, the goodwill and the causes reports from the daily figures, and from the facts they are
    // counted from: the same counts and sums, and percentiles within the histograms' 5%. Both read while the refresh waits
    // (its row locked), so that nothing changes between them.
    private static void theDailyFiguresAddUpToWhatTheFactsSay(ConfigurableApplicationContext node, Period period) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        RecoverySummary summaries = node.getBean(RecoverySummary.class);
        new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            jdbc.sql("select id from insight_refresh where id = 1 for update").query(Long.class).single();
            Map<Breakdown, RecoverySummary.Summary> daily = new EnumMap<>(Breakdown.class);
            for (Breakdown by : Breakdown.values()) {
                daily.put(by, summaries.of(period, null, by));
            }
            Goodwill.Report dailyGoodwill = node.getBean(Goodwill.class).of(period, null);
            Causes.Report dailyCauses = node.getBean(Causes.class).of(period, null);
            jdbc.sql("update insight_refresh set daily_zone = null where id = 1").update();
            Goodwill.Report factsGoodwill = node.getBean(Goodwill.class).of(period, null);
            // Causes as many cases each may come in either order, and so with other cumulative shares.
            assertThat(dailyCauses).usingRecursiveComparison().ignoringCollectionOrder()
                .ignoringFields("causes.cumulativePercent", "asOf").isEqualTo(node.getBean(Causes.class).of(period, null));
            assertThat(dailyCauses.causes()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(dailyGoodwill).usingRecursiveComparison().ignoringCollectionOrder()
                .ignoringFields("approvals.medianHoursToDecide", "asOf").isEqualTo(factsGoodwill);
            assertThat(dailyGoodwill.remedies()).isPositive();
            close("approvals", dailyGoodwill.approvals().medianHoursToDecide(), factsGoodwill.approvals().medianHoursToDecide());
            for (Breakdown by : Breakdown.values()) {
                RecoverySummary.Summary facts = summaries.of(period, null, by);
                sameFigures(by + " all", daily.get(by).figures(), facts.figures());
                sameFigures(by + " before", daily.get(by).previous(), facts.previous());
                assertThat(daily.get(by).breakdown()).extracting(RecoverySummary.Part::key)
                    .containsExactlyElementsOf(facts.breakdown().stream().map(RecoverySummary.Part::key).toList());
                for (int i = 0; i < facts.breakdown().size(); i++) {
                    sameFigures(by + " " + facts.breakdown().get(i).key(), daily.get(by).breakdown().get(i).figures(),
                        facts.breakdown().get(i).figures());
                }
            }
            status.setRollbackOnly();
        });
    }

    private static void sameFigures(String line, RecoverySummary.Figures daily, RecoverySummary.Figures facts) {
        assertThat(daily).as(line).usingRecursiveComparison()
            .ignoringFields("toAcknowledge.medianMinutes", "toAcknowledge.p90Minutes", "toAgree.medianMinutes", "toAgree.p90Minutes",
                "toFulfil.medianMinutes", "toFulfil.p90Minutes")
            .isEqualTo(facts);
        for (var took : List.of(List.of(daily.toAcknowledge(), facts.toAcknowledge()), List.of(daily.toAgree(), facts.toAgree()),
                List.of(daily.toFulfil(), facts.toFulfil()))) {
            close(line, took.get(0).medianMinutes(), took.get(1).medianMinutes());
            close(line, took.get(0).p90Minutes(), took.get(1).p90Minutes());
        }
    }

    private static void close(String line, Double daily, Double facts) {
        if (facts == null) {
            assertThat(daily).as(line).isNull();
        } else {
            assertThat(daily).as(line).isCloseTo(facts, within(facts * 0.05 + 0.1));
        }
    }

    private static void reviewsAndACalibrationAreThere(int port, Http mia) {
        JsonNode anas = Http.basic(port, "ana@demo.redress", DemoData.PASSWORD).get("/api/v1/quality/reviews").json();
        assertThat(anas.size()).isEqualTo(1);
        assertThat(anas.get(0).get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(anas.get(0).get("reviewerName").asString()).isEqualTo("Lena Park");
        JsonNode session = mia.get("/api/v1/quality/calibrations").json().get(0);
        assertThat(session.get("scoredBy").valueStream().map(JsonNode::asString).toList()).containsExactly("Lena Park", "Mia Schulz");
        assertThat(session.get("disagreement").get("agreementPercent").asDouble()).isLessThan(100.0);
    }

    private static void trainingIsThereWithACertifiedAgent(int port, Http mia) {
        JsonNode anas = Http.basic(port, "ana@demo.redress", DemoData.PASSWORD).get("/api/v1/training/me").json();
        assertThat(anas.get("quizzes").get(0).get("passed").asBoolean()).isTrue();
        assertThat(anas.get("certificates").get(0).get("name").asString()).isEqualTo("Recovery, level 2");
        assertThat(anas.get("certificates").get(0).get("standing").asString()).isEqualTo("IN_FORCE");
        JsonNode raise = mia.get("/api/v1/remedies/authority-raises").json().get(0);
        assertThat(raise.get("userName").asString()).isEqualTo("Ana Costa");
        assertThat(raise.get("perCase").asString()).isEqualTo("120.00");
        JsonNode bens = Http.basic(port, "ben@demo.redress", DemoData.PASSWORD).get("/api/v1/training/me").json();
        assertThat(bens.get("scheduledLater").asInt()).as("the two questions Ben missed come back tomorrow").isEqualTo(2);
        assertThat(mia.get("/api/v1/training/scenarios").json().valueStream().map(s -> s.get("origin").asString() + " "
            + s.get("state").asString()).toList()).containsExactlyInAnyOrder("WRITTEN PUBLISHED", "FROM_CASE PUBLISHED");
    }

    private static void theDemoIsAsBefore(int port, Http mia) {
        assertThat(Http.basic(port, "ana@demo.redress", DemoData.PASSWORD).get("/api/v1/me").json().get("email").asString())
            .isEqualTo("ana@demo.redress");
        Http.Response open = mia.get("/api/v1/queue?queue=open");
        assertThat(open.json().get("counts").get("open").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(open.body()).contains("Birthday present arrived a week late", "Coffee machine leaks after two weeks");
    }

    private static void casesAreClosedAndTheQuickerTeamRecoversMore(JsonNode summary) {
        JsonNode figures = summary.get("figures");
        assertThat(figures.get("closed").asLong()).isBetween(1_500L, 3_000L);
        assertThat(figures.get("recoveryRate").asDouble()).isBetween(45.0, 80.0);
        assertThat(figures.get("promises").get("broken").asLong()).isPositive();
        assertThat(figures.get("acknowledgeTarget").get("late").asLong()).isPositive();
        JsonNode care = part(summary, "Customer care").get("figures");
        JsonNode stores = part(summary, "Phone & stores").get("figures");
        assertThat(care.get("toAcknowledge").get("medianMinutes").asDouble())
            .isLessThan(stores.get("toAcknowledge").get("medianMinutes").asDouble());
        assertThat(care.get("recoveryRate").asDouble()).isGreaterThan(stores.get("recoveryRate").asDouble() + 10);
    }

    private static void recoveredCustomersComeBackMoreThanTheOthers(JsonNode retention) {
        double recovered = window(group(retention, "RECOVERED"), 90);
        double notRecovered = window(group(retention, "NOT_RECOVERED"), 90);
        double baseline = window(group(retention, "NEVER_COMPLAINED"), 90);
        assertThat(recovered).isGreaterThan(notRecovered + 20);
        assertThat(baseline).isBetween(notRecovered, 100.0);
        assertThat(group(retention, "NEVER_COMPLAINED").get("customers").asLong()).isGreaterThan(500);
    }

    private static void carrierDelaysLeadTheCausesUntilTheirActionIsDone(JsonNode causes, JsonNode lessons) {
        assertThat(causes.get("causes").get(0).get("code").asString()).isEqualTo("carrier-delay");
        assertThat(causes.get("causes").size()).isGreaterThanOrEqualTo(8);
        JsonNode carrier = null;
        for (JsonNode effect : lessons.get("effects")) {
            if (effect.get("cause").asString().equals("Carrier delay")) {
                carrier = effect;
            }
        }
        assertThat(carrier).isNotNull();
        assertThat(carrier.get("verdict").asString()).isEqualTo("FEWER");
        assertThat(carrier.get("casesAfter").asLong() * 2).isLessThan(carrier.get("casesBefore").asLong());
        assertThat(lessons.get("recorded").asLong()).isGreaterThan(500);
        assertThat(lessons.get("done").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(lessons.get("dropped").asLong()).isPositive();
        assertThat(lessons.get("overdueNow").asLong()).isPositive();
    }

    private static void aQuickAnswerRecoversMore(JsonNode whatRecovers) {
        assertThat(practice(whatRecovers, "first-answer", "Within an hour").get("recoveredPercent").asDouble())
            .isGreaterThan(practice(whatRecovers, "first-answer", "Within a day").get("recoveredPercent").asDouble() + 10);
        assertThat(practice(whatRecovers, "apology", "Apology").get("retainedPercent").asDouble())
            .isGreaterThan(practice(whatRecovers, "apology", "No apology").get("retainedPercent").asDouble() + 15);
        assertThat(whatRecovers.get("cells").size()).isGreaterThan(6);
    }

    private static void goodwillPromisesSurveysAndWinsAreThere(Http mia, String period) {
        JsonNode goodwill = mia.get("/api/v1/insights/goodwill" + period).json();
        assertThat(goodwill.get("remedies").asLong()).isGreaterThan(300);
        assertThat(goodwill.get("byType").size()).isGreaterThanOrEqualTo(3);
        assertThat(goodwill.get("byAgent").size()).isGreaterThanOrEqualTo(4);
        assertThat(goodwill.get("approvals").get("refused").asLong()).isPositive();
        assertThat(goodwill.get("againstLifetimeValue").get("customers").asLong()).isGreaterThan(100);
        JsonNode promises = mia.get("/api/v1/insights/promises" + period).json().get("total");
        assertThat(promises.get("keptOnTime").asLong()).isGreaterThan(10 * promises.get("broken").asLong());
        assertThat(promises.get("broken").asLong()).isPositive();
        assertThat(promises.get("keptLate").asLong()).isPositive();
        JsonNode satisfaction = mia.get("/api/v1/insights/satisfaction" + period).json();
        assertThat(satisfaction.get("scores").size()).isEqualTo(2);
        assertThat(satisfaction.get("pairs").get(0).get("higher").asLong())
            .isGreaterThan(satisfaction.get("pairs").get(0).get("lower").asLong());
        JsonNode wins = mia.get("/api/v1/insights/wins" + period).json();
        assertThat(wins.get("total").asLong()).isGreaterThan(300);
        assertThat(wins.get("latest").size()).isEqualTo(10);
    }

    // The refresh reads the new cases a few seconds after the start.
    private static JsonNode refreshed(Http reader, String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode summary = reader.get(path).json();
        while (summary.get("figures").get("closed").asLong() < 1_000 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            summary = reader.get(path).json();
        }
        return summary;
    }

    // Retention is read after the page, and answers "too slow" rather than keep a request waiting while the refresh
    // is still working off the first backlog; its baseline counts the demo's business events once the refresh has
    // read them, a run after the cases: asked again, as the page's reader would.
    private static JsonNode retention(Http reader, String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Http.Response answer = reader.get(path);
        while ((answer.status() != 200 || group(answer.json(), "NEVER_COMPLAINED").get("customers").asLong() == 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            answer = reader.get(path);
        }
        return answer.json();
    }

    private static JsonNode part(JsonNode summary, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode part : summary.get("breakdown")) {
            if (part.get("name").asString().equals(name)) {
                return part;
            }
            names.add(part.get("name").asString());
        }
        throw new AssertionError("no " + name + " in " + names);
    }

    private static JsonNode group(JsonNode retention, String name) {
        for (JsonNode group : retention.get("groups")) {
            if (group.get("group").asString().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static double window(JsonNode group, int days) {
        for (JsonNode window : group.get("windows")) {
            if (window.get("days").asInt() == days) {
                return window.get("percent").asDouble();
            }
        }
        throw new AssertionError("no window of " + days + " days");
    }

    private static JsonNode practice(JsonNode whatRecovers, String practice, String group) {
        for (JsonNode one : whatRecovers.get("practices")) {
            if (one.get("practice").asString().equals(practice) && one.get("group").asString().equals(group)) {
                return one.get("outcome");
            }
        }
        throw new AssertionError("no " + practice + " " + group);
    }
}
