package org.redress.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.SignalsSupport;

import tools.jackson.databind.JsonNode;

/**
 * Surveys end to end: business events invite (sampled, quiet period), the customer answers
 * on the survey page, a low score opens one case with their words, a high one none, and
 * the recovery survey is the case's follow-up.
 */
class SurveyTests extends SignalsSupport {

    private final List<Long> made = new ArrayList<>();

    // Surveys are global: each test's survey is switched off afterwards so it invites nobody in later tests.
    @AfterEach
    void deactivate() {
        made.forEach(id -> jdbc.sql("update surveys set active = false where id = ?").param(id).update());
    }

    @Test
    void onlyTheSampledEventsInviteAndNeverTwiceInsideTheQuietPeriod() {
        long survey = survey("CSAT", "SERVICE_VISIT", 50, 30, null);
        String run = unique();
        Instant now = Instant.now().minusSeconds(60);
        List<Map<String, Object>> events = new ArrayList<>();
        int expected = 0;
        for (int i = 0; i < 40; i++) {
            String eventId = run + "-visit-" + i;
            events.add(event(eventId, "SERVICE_VISIT", "S-" + run + "-" + i, now, Map.of("email", "s" + i + "-" + run + "@example.com")));
            expected += SurveySample.sampled(eventId, survey, 50) ? 1 : 0;
        }
        // A second and third visit of customer 0: quiet period, whatever the sample says.
        events.add(event(run + "-visit-again-1", "SERVICE_VISIT", "S-" + run + "-0", now, null));
        events.add(event(run + "-visit-again-2", "SERVICE_VISIT", "S-" + run + "-0", now, null));

        sendAndProcess(events);

        long invited = invitations(survey);
        assertThat(expected).isBetween(10, 30);
        int againSampled = (SurveySample.sampled(run + "-visit-again-1", survey, 50) ? 1 : 0)
            + (SurveySample.sampled(run + "-visit-again-2", survey, 50) ? 1 : 0);
        boolean firstInvited = SurveySample.sampled(run + "-visit-0", survey, 50);
        // Customer 0 gets at most one invitation: either from the first visit or the first sampled repeat.
        long expectedTotal = expected + (!firstInvited && againSampled > 0 ? 1 : 0);
        assertThat(invited).isEqualTo(expectedTotal);
        assertThat(jdbc.sql("select count(*) from survey_invitations where survey_id = ? and customer_id = ?")
            .params(survey, customerId("S-" + run + "-0")).query(Long.class).single()).isLessThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox where recipient like ? and subject = 'How did we do?'")
            .param("%-" + run + "@example.com").query(Long.class).single()).isEqualTo(expectedTotal);
    }

    @Test
    void theQuietPeriodHoldsAcrossEventsAndEndsWithIt() {
        long survey = survey("CSAT", "SERVICE_VISIT", 100, 30, null);
        String ref = "Q-" + unique();
        Instant now = Instant.now().minusSeconds(60);
        sendAndProcess(List.of(event(ref + "-1", "SERVICE_VISIT", ref, now, Map.of("email", ref.toLowerCase() + "@example.com"))));
        sendAndProcess(List.of(event(ref + "-2", "SERVICE_VISIT", ref, now, null)));
        assertThat(invitations(survey)).isEqualTo(1);

        // As if the last invitation was 31 days ago: the next visit invites again.
        jdbc.sql("update survey_contacts set last_invited_at = ? where customer_id = ?")
            .params(java.sql.Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)), customerId(ref)).update();
        sendAndProcess(List.of(event(ref + "-3", "SERVICE_VISIT", ref, now, null)));
        assertThat(invitations(survey)).isEqualTo(2);
    }

    @Test
    void aScoreOfOneOpensOneCaseWithTheCommentAndAScoreOfFiveNone() {
        long survey = survey("CSAT", "DELIVERED", 100, 0, "delivery");
        String unhappy = "U-" + unique();
        String happy = "H-" + unique();
        Instant at = Instant.now().minusSeconds(30);
        sendAndProcess(List.of(
            event(unhappy + "-d", "DELIVERED", unhappy, at, Map.of("email", unhappy.toLowerCase() + "@example.com", "name", "Rui Costa")),
            event(happy + "-d", "DELIVERED", happy, at, Map.of("email", happy.toLowerCase() + "@example.com"))));

        String comment = "The parcel sat at the depot for a week and nobody answered the phone.";
        Http.Response answered = answerSurvey(surveyLink(unhappy), Map.of("score", "1", "comment", comment));
        Http.Response pleased = answerSurvey(surveyLink(happy), Map.of("score", "5", "comment", "Quick and friendly, thank you!"));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("Someone will look at it personally");
        assertThat(pleased.body()).contains("Your answer helps us");
        List<JsonNode> unhappyCases = casesOf(unhappy);
        assertThat(unhappyCases).hasSize(1);
        JsonNode opened = admin().get("/api/v1/cases/" + unhappyCases.get(0).get("number").asString()).json();
        assertThat(opened.get("channel").asString()).isEqualTo("survey");
        assertThat(opened.get("category").asString()).isEqualTo("delivery");
        assertThat(opened.get("severity").asInt()).isEqualTo(2);
        assertThat(admin().get("/api/v1/cases/" + opened.get("id").asLong() + "/messages").body()).contains(comment);
        assertThat(casesOf(happy)).isEmpty();

        // The same link again: already answered, no second case.
        Http.Response again = answerSurvey(surveyLink(unhappy), Map.of("score", "1", "comment", comment));
        assertThat(again.status()).isEqualTo(409);
        assertThat(casesOf(unhappy)).hasSize(1);

        JsonNode results = admin().get("/api/v1/surveys/" + survey).json().get("results");
        assertThat(results.get("invited").asInt()).isEqualTo(2);
        assertThat(results.get("answered").asInt()).isEqualTo(2);
        assertThat(results.get("averageScore").asDouble()).isEqualTo(3.0);
        assertThat(results.get("casesOpened").asInt()).isEqualTo(1);
    }

    @Test
    void aCaseOpenedByAnAnswerAndMergedIntoTheCustomersOwnComplaintIsTheAnswersCaseFromThenOn() {
        long survey = survey("CSAT", "DELIVERED", 100, 0, "delivery");
        String unhappy = "U-" + unique();
        sendAndProcess(List.of(event(unhappy + "-d", "DELIVERED", unhappy, Instant.now().minusSeconds(30),
            Map.of("email", unhappy.toLowerCase() + "@example.com", "name", "Rui Costa"))));
        answerSurvey(surveyLink(unhappy), Map.of("score", "1", "comment", "Nobody answered the phone about my parcel."));
        String opened = casesOf(unhappy).get(0).get("number").asString();
        JsonNode own = admin().post("/api/v1/complaints", complaint(unhappy, "billing")).json();

        Http.Response merged = admin().post("/api/v1/cases/" + opened + "/close",
            Map.of("reason", "duplicate", "duplicateOf", own.get("number").asString()));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode answer = admin().get("/api/v1/surveys/" + survey + "/answers").json().get("items").get(0);
        assertThat(answer.get("openedCaseId").asLong()).isEqualTo(own.get("id").asLong());
    }

    @Test
    void aCustomerWhoAsksForNoMoreSurveysGetsNone() {
        long survey = survey("CSAT", "DELIVERED", 100, 0, null);
        String ref = "X-" + unique();
        sendAndProcess(List.of(event(ref + "-1", "DELIVERED", ref, Instant.now().minusSeconds(30),
            Map.of("email", ref.toLowerCase() + "@example.com"))));
        String link = surveyLink(ref);

        Http.Response stopped = Http.anonymous(port).postFormWithCsrf(link, link + "/stop", Map.of());
        sendAndProcess(List.of(event(ref + "-2", "DELIVERED", ref, Instant.now().minusSeconds(10), null)));

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body()).contains("we will not send you any more questions");
        assertThat(invitations(survey)).isEqualTo(1);
    }

    @Test
    void anExpiredLinkClosesTheSurveyButStillLetsTheCustomerStopSurveys() {
        survey("CSAT", "DELIVERED", 100, 0, null);
        String ref = "E-" + unique();
        sendAndProcess(List.of(event(ref + "-1", "DELIVERED", ref, Instant.now().minusSeconds(30),
            Map.of("email", ref.toLowerCase() + "@example.com"))));
        String link = surveyLink(ref);
        jdbc.sql("update survey_invitations set expires_at = ? where customer_id = ?")
            .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), customerId(ref)).update();

        Http.Response page = Http.anonymous(port).html(link);
        Http.Response late = answerSurvey(link, Map.of("score", "4"));
        Http.Response stopped = Http.anonymous(port).postFormWithCsrf(link, link + "/stop", Map.of());

        assertThat(page.body()).contains("This survey has closed").doesNotContain("name=\"score\"");
        // A genuine link past its time is gone (410), where an unknown one is not found (404).
        assertThat(late.status()).isEqualTo(410);
        assertThat(stopped.body()).contains("we will not send you any more questions");
        assertThat(jdbc.sql("select count(*) from survey_contacts where customer_id = ? and opted_out_at is not null")
            .param(customerId(ref)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCustomerInTheMiddleOfAComplaintIsNotAskedHowWeDid() {
        long survey = survey("CSAT", "DELIVERED", 100, 0, null);
        String ref = "O-" + unique();
        open(admin(), ref);

        sendAndProcess(List.of(event(ref + "-d", "DELIVERED", ref, Instant.now().minusSeconds(30), null)));

        assertThat(invitations(survey)).isZero();
    }

    @Test
    void aClearlyNegativeCommentOpensACaseEvenWithAMiddlingScore() {
        survey("NPS", "DELIVERED", 100, 0, null);
        String ref = "N-" + unique();
        sendAndProcess(List.of(event(ref + "-d", "DELIVERED", ref, Instant.now().minusSeconds(30),
            Map.of("email", ref.toLowerCase() + "@example.com"))));

        answerSurvey(surveyLink(ref), Map.of("score", "7", "comment", "Never again. The worst delivery I have had."));

        assertThat(casesOf(ref)).hasSize(1);
        JsonNode results = admin().get("/api/v1/surveys/" + made.get(made.size() - 1)).json().get("results");
        assertThat(results.get("nps").asDouble()).isEqualTo(0.0); // one passive answer
        assertThat(results.get("negative").asInt()).isEqualTo(1);
    }

    @Test
    void aWordsOnlySurveyNeedsWordsAndHearsAComplaintInThem() {
        survey("TEXT", "DELIVERED", 100, 0, null);
        String ref = "W-" + unique();
        sendAndProcess(List.of(event(ref + "-d", "DELIVERED", ref, Instant.now().minusSeconds(30),
            Map.of("email", ref.toLowerCase() + "@example.com"))));
        String link = surveyLink(ref);

        Http.Response empty = answerSurvey(link, Map.of("comment", "  "));
        Http.Response scored = answerSurvey(link, Map.of("score", "3", "comment", "ok"));
        Http.Response words = answerSurvey(link, Map.of("comment", "The box was damaged and the lid is missing."));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Please write your answer.");
        assertThat(scored.status()).isEqualTo(400);
        assertThat(words.status()).isEqualTo(200);
        assertThat(Http.anonymous(port).html(link).body()).doesNotContain("name=\"score\"");
        assertThat(casesOf(ref)).hasSize(1);
    }

    @Test
    void aBadAnswerIsRefusedWithAReadableMessageAndNothingIsRecorded() {
        long survey = survey("CSAT", "DELIVERED", 100, 0, null);
        String ref = "B-" + unique();
        sendAndProcess(List.of(event(ref + "-d", "DELIVERED", ref, Instant.now().minusSeconds(30),
            Map.of("email", ref.toLowerCase() + "@example.com"))));
        String link = surveyLink(ref);

        Http.Response outOfRange = answerSurvey(link, Map.of("score", "9", "comment", "hm"));
        Http.Response missing = answerSurvey(link, Map.of("comment", "no score"));
        Http.Response notANumber = answerSurvey(link, Map.of("score", "lots"));

        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("must be from 1 to 5, not 9");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Please choose a score from 1 to 5.");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from survey_invitations where survey_id = ? and answered_at is not null")
            .param(survey).query(Long.class).single()).isZero();
        assertThat(Http.anonymous(port).html("/s/not-a-real-link").status()).isEqualTo(404);
    }

    @Test
    void theCustomerIsAskedHowWeDidOnlyOnceTheResolutionIsDelivered() {
        long survey = create(Map.of("name", "Recovery " + unique(), "kind", "CSAT", "purpose", "RECOVERY",
            "question", "How well did we put it right?"));
        String fresh = open(admin(), "N-" + unique()).get("number").asString();

        Http.Response early = admin().post("/api/v1/cases/" + fresh + "/recovery-survey", Map.of());

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("once the resolution is delivered");
        assertThat(invitations(survey)).isZero();
    }

    @Test
    void theRecoverySurveyIsTheFollowUp() {
        long survey = create(Map.of("name", "Recovery " + unique(), "kind", "CSAT", "purpose", "RECOVERY",
            "question", "How well did we put it right?"));
        String happyRef = "R-" + unique();
        String unhappyRef = "R-" + unique();
        String happyCase = fulfilledCase(happyRef);
        String unhappyCase = fulfilledCase(unhappyRef);

        assertThat(admin().post("/api/v1/cases/" + happyCase + "/recovery-survey", Map.of()).status()).isEqualTo(202);
        assertThat(admin().post("/api/v1/cases/" + unhappyCase + "/recovery-survey", Map.of()).status()).isEqualTo(202);
        answerSurvey(surveyLink(happyRef), Map.of("score", "5", "comment", "All sorted, thank you."));
        answerSurvey(surveyLink(unhappyRef), Map.of("score", "2", "comment", "The replacement is scratched too."));

        JsonNode happy = admin().get("/api/v1/cases/" + happyCase).json();
        assertThat(happy.get("satisfied").asBoolean()).isTrue();
        assertThat(happy.get("satisfaction").asInt()).isEqualTo(5);
        JsonNode unhappy = admin().get("/api/v1/cases/" + unhappyCase).json();
        // Not satisfied: the resolution is undone and a new one must be agreed.
        assertThat(unhappy.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(unhappy.get("nextStep").get("step").asString()).isNotEqualTo("FOLLOW_UP");
        assertThat(admin().get("/api/v1/cases/" + unhappyCase + "/timeline").body()).contains("The replacement is scratched too.");
        deactivateNow(survey);
    }

    @Test
    void theRecoverySurveyGoesOutByItselfWhenTheFollowUpFallsDue() {
        long survey = create(Map.of("name", "Recovery " + unique(), "kind", "CSAT", "purpose", "RECOVERY",
            "question", "Is everything right now?"));
        String ref = "F-" + unique();
        String number = fulfilledCase(ref);

        makeDue(admin().get("/api/v1/cases/" + number).json().get("id").asLong(), "FOLLOW_UP");

        awaitTrue(() -> invitations(survey) == 1, "the recovery survey");
        assertThat(surveyLink(ref)).startsWith("/s/");
        assertThat(admin().get("/api/v1/cases/" + number + "/timeline").body()).contains("Recovery survey sent to the customer");
        deactivateNow(survey);
    }

    @Test
    void aBadSurveyIsRefusedWithEveryProblemAndAgentsCannotMakeOne() {
        Http.Response bad = admin().post("/api/v1/surveys", Map.of("name", "", "kind", "STARS", "samplePercent", 150,
            "triggerEvents", List.of("NOT_AN_EVENT"), "category", "nope"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("name", "kind", "question", "samplePercent", "triggerEvents", "category");
        assertThat(newUser("agent").post("/api/v1/surveys", Map.of("name", "x", "kind", "CSAT", "question", "q",
            "triggerEvents", List.of("DELIVERED"))).status()).isEqualTo(403);
    }

    private long survey(String kind, String trigger, int sample, int quietDays, String category) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Survey " + unique(), "kind", kind,
            "question", "How satisfied are you with your delivery?", "triggerEvents", List.of(trigger),
            "samplePercent", sample, "quietDays", quietDays));
        if (category != null) {
            body.put("category", category);
        }
        return create(body);
    }

    private long create(Map<String, Object> body) {
        Http.Response created = admin().post("/api/v1/surveys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        made.add(id);
        // Any survey left active by an earlier test would take the customer's quiet period first.
        jdbc.sql("update surveys set active = false where id <> ? and purpose = ?")
            .params(id, created.json().get("purpose").asString()).update();
        return id;
    }

    private void deactivateNow(long survey) {
        jdbc.sql("update surveys set active = false where id = ?").param(survey).update();
    }

    private long invitations(long survey) {
        return jdbc.sql("select count(*) from survey_invitations where survey_id = ?").param(survey).query(Long.class).single();
    }

    private List<JsonNode> casesOf(String customerRef) {
        List<Long> ids = jdbc.sql("select id from customers where external_ref = ?").param(customerRef).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return admin().get("/api/v1/customers/" + ids.get(0) + "/cases").json().get("items").valueStream().toList();
    }

    private String fulfilledCase(String customerRef) {
        String number = open(admin(), customerRef).get("number").asString();
        String c = "/api/v1/cases/" + number;
        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "Broken vase"));
        admin().post(c + "/resolve", Map.of("resolution", "Replacement vase", "promisedBy", today().plusDays(2).toString()));
        admin().post(c + "/fulfil", Map.of());
        return number;
    }
}
