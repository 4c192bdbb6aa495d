package org.redress.remedies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Offers go to the customer through a signed link that opens only its own case, until it expires. */
class NegotiationTests extends ApplicationTest {

    @Test
    void anOfferAcceptedThroughTheLinkIsAgreedPromisedAndToldToTheCustomer() {
        String c = heardCase();
        long id = admin().post(c + "/remedies", Map.of("type", "refund", "amount", "49.90", "description", "Broken vase"))
            .json().get("id").asLong();
        JsonNode offer = admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().plusDays(2).toString())).json();
        String link = offer.get("customerLink").asString();
        assertThat(link).matches("http://[^/]+:" + port + "/c/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        String path = link.substring(link.indexOf("/c/"));

        Http customer = Http.anonymous(port);
        assertThat(customer.html(path).status()).isEqualTo(200);
        assertThat(customer.html(path).body()).contains("Refund of 49.90 EUR: Broken vase").contains("Accept");

        JsonNode accepted = new NegotiationHelper(this).accept(path, id);
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        JsonNode promise = admin().get(c + "/promises").json().get(0);
        assertThat(promise.get("description").asString()).isEqualTo("Deliver: Refund of 49.90 EUR: Broken vase");
        assertThat(admin().get(c + "/timeline").json().valueStream().map(e -> e.get("kind").asString()))
            .containsSubsequence("remedy.granted", "remedy.offered", "remedy.accepted", "step.resolve", "promise.made");
        assertThat(customer.html(path).body()).contains("What we agreed");
        java.util.List<String> timeline = admin().get(c + "/timeline").json().valueStream()
            .map(e -> e.get("summary").asString()).toList();
        // Waiting on the customer's answer did not count against our time targets.
        assertThat(timeline).anyMatch(line -> line.equals("Time targets paused: an offer was sent, waiting on the customer"))
            .anyMatch(line -> line.startsWith("Time targets resumed: the customer answered the offer"))
            .anyMatch(line -> line.startsWith("Update to customer: We would like to put this right: Refund of 49.90 EUR: Broken vase"))
            .anyMatch(line -> line.startsWith("Update to customer: Here is what we agreed: Refund of 49.90 EUR: Broken vase. We will deliver it by"))
            .noneMatch(line -> line.startsWith("Update to customer: We promise"));

        admin().post("/api/v1/remedies/" + id + "/fulfil", Map.of("reference", "R-77"));
        // Delivering the remedy keeps the promise made for it: it will not break at its due time.
        assertThat(admin().get(c + "/promises").json().get(0).get("status").asString()).isEqualTo("KEPT");
    }

    @Test
    void anOfferTheCustomerAcceptsIsTheAgreedResolutionWithOnePromiseAndOneConfirmation() {
        String c = heardCase();
        long caseId = admin().get(c).json().get("id").asLong();
        long id = admin().post(c + "/remedies", Map.of("type", "refund", "amount", "49.90", "description", "Broken vase"))
            .json().get("id").asLong();
        String link = admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().plusDays(2).toString()))
            .json().get("customerLink").asString();

        new NegotiationHelper(this).accept(link.substring(link.indexOf("/c/")), id);

        JsonNode agreed = admin().get(c).json();
        assertThat(agreed.get("status").asString()).isEqualTo("RESOLUTION_AGREED");
        assertThat(step(agreed, "RESOLVE").get("done").asBoolean()).isTrue();
        assertThat(step(agreed, "FULFIL").get("available").asBoolean()).isTrue();
        assertThat(agreed.get("resolution").asString()).isEqualTo("Refund of 49.90 EUR: Broken vase");
        assertThat(agreed.get("promisedBy").asString()).isEqualTo(today().plusDays(2).toString());
        JsonNode resolve = step(agreed, "RESOLVE");
        assertThat(resolve.get("doneBy").asString()).isEqualTo("Redress");
        assertThat(clock(c, "RESOLVE").get("state").asString()).isIn("MET", "MET_LATE");
        assertThat(clock(c, "FULFIL")).isNotNull();
        assertThat(timeline(c)).anyMatch(line -> line.startsWith("Agreed the resolution: Refund of 49.90 EUR: Broken vase — to be "
            + "delivered by") && line.endsWith("(the customer accepted our offer)"));
        assertThat(openPromises(c)).hasSize(1);
        assertThat(confirmations(caseId)).isEqualTo(1);

        // The agent then records Resolve by hand: it refines the agreement, never doubles it.
        JsonNode refined = admin().post(c + "/resolve", Map.of("resolution", "Refund of 49.90 EUR to the original card",
            "promisedBy", today().plusDays(3).toString())).json();

        assertThat(refined.get("resolution").asString()).isEqualTo("Refund of 49.90 EUR to the original card");
        assertThat(openPromises(c)).singleElement().satisfies(promise -> {
            assertThat(promise.get("description").asString()).isEqualTo("Deliver: Refund of 49.90 EUR to the original card");
            assertThat(promise.get("reference").asString()).isEqualTo("remedy:" + id);
        });
        assertThat(confirmations(caseId)).isEqualTo(1);
        assertThat(timeline(c).stream().filter(line -> line.startsWith("Update to customer: Here is what we agreed"))).hasSize(1);
        // The customer's page shows what stands now.
        assertThat(Http.anonymous(port).html(link.substring(link.indexOf("/c/"))).body())
            .contains("Refund of 49.90 EUR to the original card");

        // Delivering the remedy keeps that one promise, and fulfils the resolution: the playbook moves on.
        admin().post("/api/v1/remedies/" + id + "/fulfil", Map.of("reference", "R-78"));
        assertThat(admin().get(c + "/promises").json().valueStream().map(p -> p.get("status").asString()))
            .containsExactly("KEPT");
        JsonNode delivered = admin().get(c).json();
        assertThat(delivered.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(step(delivered, "FULFIL").get("done").asBoolean()).isTrue();
        assertThat(timeline(c)).anyMatch(line -> line.contains("Fulfilled the resolution")
            && line.contains("the agreed remedy was delivered: Refund of 49.90 EUR"));
    }

    @Test
    void theResolutionIsFulfilledOnlyWhenEveryAgreedRemedyIsDelivered() {
        String c = heardCase();
        long first = admin().post(c + "/remedies", Map.of("type", "refund", "amount", "20.00", "description", "Part refund"))
            .json().get("id").asLong();
        long second = admin().post(c + "/remedies", Map.of("type", "goodwill", "amount", "5.00", "description", "Voucher"))
            .json().get("id").asLong();
        NegotiationHelper customer = new NegotiationHelper(this);
        for (long id : new long[] {first, second}) {
            String link = admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().plusDays(2).toString()))
                .json().get("customerLink").asString();
            customer.accept(link.substring(link.indexOf("/c/")), id);
        }

        admin().post("/api/v1/remedies/" + first + "/fulfil", Map.of("reference", "R-1"));
        assertThat(step(admin().get(c).json(), "FULFIL").get("done").asBoolean()).isFalse();

        admin().post("/api/v1/remedies/" + second + "/fulfil", Map.of("reference", "R-2"));
        JsonNode fulfilled = admin().get(c).json();
        assertThat(fulfilled.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(step(fulfilled, "FULFIL").get("doneBy").asString()).isEqualTo("Redress");
    }

    @Test
    void anAgentAnswersACounterWithTheirOwnWithinAuthorityAtOnceAndBeyondItThroughApproval() {
        long team = newTeam("Counter back");
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        long caseId = admin().get(c).json().get("id").asLong();
        admin().post(c + "/assign", Map.of("assigneeId", agent.id()));
        heard(agent.http(), c);
        long first = agent.http().post(c + "/remedies", Map.of("type", "refund", "amount", "30.00", "description", "Torn coat"))
            .json().get("id").asLong();
        String link = agent.http().post("/api/v1/remedies/" + first + "/offer", Map.of("deliverBy", today().plusDays(2).toString()))
            .json().get("customerLink").asString();
        String page = link.substring(link.indexOf("/c/"));
        NegotiationHelper customer = new NegotiationHelper(this);
        customer.post(page, first, "counter", Map.of("amount", "80.00", "note", "The coat cost 80"));

        // Bad input is refused by name and changes nothing.
        Http.Response refused = agent.http().post("/api/v1/remedies/" + first + "/counter",
            Map.of("amount", "-5", "deliverBy", today().plusDays(3).toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("amount");
        assertThat(agent.http().post("/api/v1/remedies/" + first + "/counter", Map.of("amount", "45.00")).status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/remedies/" + first).json().get("state").asString()).isEqualTo("COUNTERED");

        // Within the agent's authority (50.00 a case): offered at once, in one message with the case's link.
        JsonNode ours = agent.http().post("/api/v1/remedies/" + first + "/counter",
            Map.of("amount", "45.00", "deliverBy", today().plusDays(3).toString())).json();
        assertThat(ours.get("state").asString()).isEqualTo("OFFERED");
        assertThat(ours.get("terms").asString()).isEqualTo("Refund of 45.00 EUR: Torn coat");
        assertThat(admin().get("/api/v1/remedies/" + first).json().get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select count(*) from outbox where case_id = ? and body_text like '%/c/%'").param(caseId)
            .query(Long.class).single()).isEqualTo(2);
        String story = Http.anonymous(port).html(page).body();
        assertThat(story).contains("We proposed: Refund of 30.00 EUR: Torn coat", "You proposed 80.00 EUR instead of",
            "The coat cost 80", "We proposed: Refund of 45.00 EUR: Torn coat");

        // Beyond it: the counter waits for a lead, and is offered once approved.
        long second = ours.get("id").asLong();
        customer.post(page, second, "counter", Map.of("amount", "70.00"));
        JsonNode request = agent.http().post("/api/v1/remedies/" + second + "/counter",
            Map.of("amount", "60.00", "deliverBy", today().plusDays(3).toString())).json();
        assertThat(request.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(lead.http().post("/api/v1/remedies/" + request.get("id").asLong() + "/approve", Map.of()).json()
            .get("state").asString()).isEqualTo("APPROVED");
        assertThat(agent.http().post("/api/v1/remedies/" + request.get("id").asLong() + "/offer",
            Map.of("deliverBy", today().plusDays(3).toString())).json().get("remedy").get("state").asString()).isEqualTo("OFFERED");
    }

    @Test
    void theCustomersWordsStayWithTheRemedyThatAnswersThemAndTheirPageShowsOurApologyAndExplanation() {
        String c = heardCase();
        admin().post(c + "/apologize", Map.of("apology", "We are truly sorry: the vase should have reached you whole."));
        long id = admin().post(c + "/remedies", Map.of("type", "refund", "amount", "20.00", "description", "Broken vase"))
            .json().get("id").asLong();
        String link = admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().plusDays(2).toString()))
            .json().get("customerLink").asString();
        String page = link.substring(link.indexOf("/c/"));
        new NegotiationHelper(this).post(page, id, "counter", Map.of("amount", "25.00", "note", "It cost 25"));

        JsonNode agreed = admin().post("/api/v1/remedies/" + id + "/accept-counter",
            Map.of("deliverBy", today().plusDays(2).toString())).json();

        assertThat(agreed.get("terms").asString()).isEqualTo("Refund of 25.00 EUR: Broken vase");
        assertThat(agreed.get("customerNote").asString()).isEqualTo("It cost 25");
        String body = Http.anonymous(port).html(page).body();
        assertThat(body).contains("Our apology", "We are truly sorry: the vase should have reached you whole.",
            "We agreed to what you proposed: Refund of 25.00 EUR");
    }

    @Test
    void aCounterApprovedByALeadIsAgreedAsTheLeadConcludedItWithOnePromise() {
        long team = newTeam("Counters");
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        long caseId = admin().get(c).json().get("id").asLong();
        admin().post(c + "/assign", Map.of("assigneeId", agent.id()));
        heard(agent.http(), c);
        long id = agent.http().post(c + "/remedies", Map.of("type", "refund", "amount", "40.00", "description", "Ruined dress"))
            .json().get("id").asLong();
        String link = agent.http().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString())).json()
            .get("customerLink").asString();
        new NegotiationHelper(this).post(link.substring(link.indexOf("/c/")), id, "counter", Map.of("amount", "150.00"));
        JsonNode request = agent.http().post("/api/v1/remedies/" + id + "/accept-counter",
            Map.of("deliverBy", today().plusDays(4).toString())).json();
        assertThat(request.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(step(admin().get(c).json(), "RESOLVE").get("done").asBoolean()).isFalse();

        JsonNode approved = lead.http().post("/api/v1/remedies/" + request.get("id").asLong() + "/approve", Map.of()).json();

        assertThat(approved.get("state").asString()).isEqualTo("ACCEPTED");
        JsonNode agreed = admin().get(c).json();
        assertThat(agreed.get("status").asString()).isEqualTo("RESOLUTION_AGREED");
        assertThat(step(agreed, "RESOLVE").get("done").asBoolean()).isTrue();
        assertThat(agreed.get("resolution").asString()).startsWith("Refund of 150.00 EUR: Ruined dress");
        assertThat(step(agreed, "RESOLVE").get("doneBy").asString()).isEqualTo(name(lead));
        assertThat(clock(c, "RESOLVE").get("state").asString()).isIn("MET", "MET_LATE");
        assertThat(openPromises(c)).singleElement()
            .satisfies(promise -> assertThat(promise.get("ownerName").asString()).isEqualTo(name(agent)));
        assertThat(confirmations(caseId)).isEqualTo(1);

        agent.http().post(c + "/resolve", Map.of("resolution", "Refund of 150.00 EUR for the dress",
            "promisedBy", today().plusDays(4).toString()));
        assertThat(openPromises(c)).hasSize(1);
        assertThat(confirmations(caseId)).isEqualTo(1);
    }

    @Test
    void aCounterTheAgentAcceptsWithinAuthorityIsAgreedAsTheAgentConcludedIt() {
        Person agent = member("agent", null);
        String c = heardCase();
        admin().post(c + "/assign", Map.of("assigneeId", agent.id()));
        long id = agent.http().post(c + "/remedies", Map.of("type", "refund", "amount", "20.00", "description", "Late parcel"))
            .json().get("id").asLong();
        String link = agent.http().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString())).json()
            .get("customerLink").asString();
        new NegotiationHelper(this).post(link.substring(link.indexOf("/c/")), id, "counter", Map.of("amount", "30.00"));

        JsonNode made = agent.http().post("/api/v1/remedies/" + id + "/accept-counter",
            Map.of("deliverBy", today().plusDays(1).toString())).json();

        assertThat(made.get("state").asString()).isEqualTo("ACCEPTED");
        JsonNode agreed = admin().get(c).json();
        assertThat(step(agreed, "RESOLVE").get("doneBy").asString()).isEqualTo(name(agent));
        assertThat(agreed.get("promisedBy").asString()).isEqualTo(today().plusDays(1).toString());
        assertThat(openPromises(c)).hasSize(1);
        assertThat(confirmations(agreed.get("id").asLong())).isEqualTo(1);
    }

    @Test
    void oneOfferIsOneMessageToTheCustomerWithOneLink() throws InterruptedException {
        String c = heardCase();
        long caseId = admin().get(c).json().get("id").asLong();
        long id = admin().post(c + "/remedies", Map.of("type", "refund", "amount", "25.00", "description", "Late parcel"))
            .json().get("id").asLong();
        long before = jdbc.sql("select count(*) from outbox where case_id = ?").param(caseId).query(Long.class).single();

        String link = admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().plusDays(1).toString()))
            .json().get("customerLink").asString();

        String token = link.substring(link.indexOf("/c/") + 3);
        java.util.List<String> sent = jdbc.sql("select body_text from outbox where case_id = ? order by id").param(caseId)
            .query(String.class).list();
        assertThat(sent).hasSize((int) before + 1);
        assertThat(sent.get(sent.size() - 1)).contains("We would like to put this right: Refund of 25.00 EUR: Late parcel")
            .contains("/c/" + token);
        // Every other place that names the customer's link names the same one, also later (a link
        // minted afresh each time would differ once its expiry, in whole seconds, moved on).
        Thread.sleep(1_100);
        assertThat(admin().get(c + "/templates/offer").json().get("body").asString()).contains("/c/" + token);
        assertThat(admin().get(c + "/timeline").json().valueStream().map(e -> e.get("summary").asString())
            .filter(line -> line.startsWith("Update to customer: We would like to put this right"))).hasSize(1);
    }

    @Test
    void aRemedyIsOfferedOnlyOnceTheCustomerIsAcknowledgedAndHeard() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        long id = admin().post(c + "/remedies", Map.of("type", "goodwill", "amount", "10.00", "description", "Flowers"))
            .json().get("id").asLong();

        Http.Response early = admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString()));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("Acknowledge and listen to the customer");
        assertThat(admin().get("/api/v1/remedies/" + id).json().get("state").asString()).isEqualTo("APPROVED");
    }

    private static JsonNode step(JsonNode c, String step) {
        return c.get("steps").valueStream().filter(s -> s.get("step").asString().equals(step)).findFirst().orElseThrow();
    }

    private JsonNode clock(String c, String target) {
        return admin().get(c + "/sla").json().valueStream().filter(clock -> clock.get("target").asString().equals(target))
            .findFirst().orElse(null);
    }

    private java.util.List<String> timeline(String c) {
        return admin().get(c + "/timeline").json().valueStream().map(e -> e.get("summary").asString()).toList();
    }

    private java.util.List<JsonNode> openPromises(String c) {
        return admin().get(c + "/promises").json().valueStream().filter(p -> p.get("status").asString().equals("OPEN")).toList();
    }

    /** "What we agreed" emails queued to the customer of the case. */
    private long confirmations(long caseId) {
        return jdbc.sql("select count(*) from outbox where case_id = ? and subject like '%what we agreed'").param(caseId)
            .query(Long.class).single();
    }

    @Test
    void aWithdrawnOfferResumesTheClocksAndOnlyItsHandlersMayWithdrawIt() {
        Person agent = member("agent", null);
        Person stranger = member("agent", null);
        String c = heardCase();
        long id = agent.http().post(c + "/remedies", Map.of("type", "goodwill", "amount", "10.00", "description", "Flowers"))
            .json().get("id").asLong();
        agent.http().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString()));

        assertThat(stranger.http().post("/api/v1/remedies/" + id + "/withdraw", Map.of()).status()).isEqualTo(403);
        assertThat(stranger.http().post("/api/v1/remedies/" + id + "/fulfil", Map.of("reference", "x")).status()).isEqualTo(403);
        assertThat(agent.http().post("/api/v1/remedies/" + id + "/withdraw", Map.of("note", "Wrong case")).json()
            .get("state").asString()).isEqualTo("WITHDRAWN");

        assertThat(admin().get(c + "/sla").json().valueStream().map(clock -> clock.get("state").asString()))
            .doesNotContain("PAUSED");
        assertThat(admin().get(c + "/timeline").json().valueStream().map(e -> e.get("summary").asString()))
            .anyMatch(line -> line.startsWith("Time targets resumed: the offer was withdrawn"));
    }

    @Test
    void anOfferIsStillAcceptedWhenItsProposerHasLeftButNotOnceTheCaseIsClosed() {
        Person agent = member("agent", null);
        String c = heardCase();
        long first = agent.http().post(c + "/remedies", Map.of("type", "goodwill", "amount", "10.00", "description", "Flowers"))
            .json().get("id").asLong();
        String link = agent.http().post("/api/v1/remedies/" + first + "/offer", Map.of("deliverBy", today().toString())).json()
            .get("customerLink").asString();
        String page = link.substring(link.indexOf("/c/"));
        long second = agent.http().post(c + "/remedies", Map.of("type", "goodwill", "amount", "5.00", "description", "Card"))
            .json().get("id").asLong();
        agent.http().post("/api/v1/remedies/" + second + "/offer", Map.of("deliverBy", today().toString()));
        admin().patch("/api/v1/users/" + agent.id(), Map.of("active", false));

        new NegotiationHelper(this).post(page, first, "accept", Map.of());
        assertThat(admin().get("/api/v1/remedies/" + first).json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(admin().get(c + "/promises").json().get(0).get("ownerName").asString()).isNotBlank();

        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/close", Map.of("outcome", "not_recovered", "note", "x"));
        new NegotiationHelper(this).post(page, second, "accept", Map.of());
        assertThat(admin().get("/api/v1/remedies/" + second).json().get("state").asString()).isEqualTo("OFFERED");
    }

    @Test
    void aCounterComesBackToTheAgentAsAnAlert() {
        Person agent = member("agent", null);
        String number = open(admin(), "C-" + unique()).get("number").asString();
        String c = "/api/v1/cases/" + number;
        admin().post(c + "/assign", Map.of("assigneeId", agent.id()));
        heard(agent.http(), c);
        long id = agent.http().post(c + "/remedies", Map.of("type", "refund", "amount", "20.00", "description", "Late parcel"))
            .json().get("id").asLong();
        String link = agent.http().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString())).json()
            .get("customerLink").asString();

        Http.Response answered = new NegotiationHelper(this).post(link.substring(link.indexOf("/c/")), id, "counter",
            Map.of("amount", "35.00", "note", "I paid 35 for express delivery"));

        assertThat(answered.status()).isEqualTo(302);
        JsonNode remedy = agent.http().get("/api/v1/remedies/" + id).json();
        assertThat(remedy.get("state").asString()).isEqualTo("COUNTERED");
        assertThat(remedy.get("counterAmount").asString()).isEqualTo("35.00");
        assertThat(alerts(agent.http(), "remedy.countered")).singleElement()
            .satisfies(alert -> assertThat(alert.get("text").asString())
                .isEqualTo("The customer of " + number + " proposes something else for Refund of 20.00 EUR: Late parcel"));
    }

    @Test
    void anAlteredOrForeignLinkOpensNothingAndSaysNoMore() {
        String c = heardCase();
        long id = admin().post(c + "/remedies", Map.of("type", "goodwill", "amount", "10.00", "description", "Flowers"))
            .json().get("id").asLong();
        String link = admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString())).json()
            .get("customerLink").asString();
        String token = link.substring(link.indexOf("/c/") + 3);
        Http customer = Http.anonymous(port);

        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        Http.Response forged = customer.html("/c/" + altered);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("This link is not valid").doesNotContain("signature", "RC-");

        // Another case's link cannot answer this case's offer.
        String otherCase = heardCase();
        long otherRemedy = admin().post(otherCase + "/remedies", Map.of("type", "goodwill", "amount", "5.00", "description", "x"))
            .json().get("id").asLong();
        admin().post("/api/v1/remedies/" + otherRemedy + "/offer", Map.of("deliverBy", today().toString()));
        Http.Response foreign = new NegotiationHelper(this).post("/c/" + token, otherRemedy, "accept", Map.of());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/remedies/" + otherRemedy).json().get("state").asString()).isEqualTo("OFFERED");
    }

    @Test
    void aCustomerLinkHasExactlyOneValidSpelling() {
        String c = heardCase();
        String good = new NegotiationHelper(this).linkPath(c);
        String token = good.substring("/c/".length());
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);

        // 32 signature bytes leave 2 unused bits in the last of 43 characters: flipping them
        // decodes to the same bytes, and so does padding that an unpadded encoding never has.
        char last = signature.charAt(signature.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        Http customer = Http.anonymous(port);

        assertThat(customer.html(good).status()).isEqualTo(200);
        assertThat(customer.html("/c/" + payload + "." + signature.substring(0, signature.length() - 1) + sameBytes).status())
            .isEqualTo(404);
        assertThat(customer.html("/c/" + payload + "." + signature + "=").status()).isEqualTo(404);
        assertThat(customer.html("/c/" + payload + "==." + signature).status()).isEqualTo(404);
    }

    @Test
    void offeringNeedsADeliveryDateAndOnlyAGrantedRemedyCanBeOffered() {
        Person agent = member("agent", null);
        String c = heardCase();
        long pending = agent.http().post(c + "/remedies", Map.of("type", "refund", "amount", "99.00", "description", "x"))
            .json().get("id").asLong();

        assertThat(agent.http().post("/api/v1/remedies/" + pending + "/offer", Map.of()).status()).isEqualTo(400);
        Http.Response notGranted = agent.http().post("/api/v1/remedies/" + pending + "/offer", Map.of("deliverBy", today().toString()));
        assertThat(notGranted.status()).isEqualTo(409);
        assertThat(notGranted.body()).contains("pending approval");
    }

    /** A new case whose customer has been acknowledged and heard: ready for an offer. */
    private String heardCase() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        heard(admin(), c);
        return c;
    }
}
