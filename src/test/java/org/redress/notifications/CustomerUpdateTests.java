package org.redress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.promises.PromiseKeeping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;

/**
 * The customer hears of every change to their case that matters to them: on the timeline
 * as "Update to customer: …", and through each channel plugged into the port.
 */
@Import(CustomerUpdateTests.Channel.class)
class CustomerUpdateTests extends ApplicationTest {

    /** A channel as the communications module will plug one in; here it only keeps what it is given. */
    @TestConfiguration
    static class Channel {
        static final List<CustomerUpdate> DELIVERED = new CopyOnWriteArrayList<>();

        @Bean
        CustomerUpdateChannel recordingChannel() {
            return DELIVERED::add;
        }
    }

    @Autowired
    PromiseKeeping promises;

    @Test
    void theCustomerIsToldOfEachStageOfTheRecovery() {
        JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();
        String c = "/api/v1/cases/" + number;
        String deliverBy = today().plusDays(3).format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH));

        admin().post(c + "/acknowledge", Map.of("message", "We are on it"));
        admin().post(c + "/listen", Map.of("account", "The vase broke in transit"));
        admin().post(c + "/resolve", Map.of("resolution", "A refund of 49.90 EUR.", "promisedBy", today().plusDays(3).toString()));
        admin().post(c + "/fulfil", Map.of("note", "Refund R-1"));
        admin().post(c + "/follow-up", Map.of("satisfied", false));

        assertThat(updates(c)).containsExactly(
            "Update to customer: We are on it",
            "Update to customer: Here is what we agreed: A refund of 49.90 EUR. We will deliver it by " + deliverBy + ".",
            "Update to customer: We have done what we agreed: A refund of 49.90 EUR. We will check back with you soon to make sure all is well.",
            "Update to customer: Thank you for telling us this is not yet right. We are working out a better resolution"
                + " with you and will be in touch shortly.");
        assertThat(delivered(opened.get("id").asLong()))
            .containsExactly("acknowledged", "resolution-agreed", "fulfilled", "resolution-reopened");
    }

    @Test
    void closingAndReopeningAreToldAndEachUpdateNamesTheCustomer() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        admin().post(c + "/acknowledge", Map.of());

        admin().post(c + "/close", Map.of("outcome", "not_recovered", "note", "Customer stopped answering"));
        admin().post(c + "/reopen", Map.of("reason", "The customer wrote back"));

        assertThat(updates(c)).hasSize(3);
        // Acknowledged without words of the agent's own: a short answer of ours.
        assertThat(updates(c).get(0)).isEqualTo("Update to customer: We have received your message about \"Parcel arrived broken\" "
            + "(case " + opened.get("number").asString() + "). Our team is looking into it and will keep you posted.");
        assertThat(updates(c).get(1)).contains("is now closed. If anything is still not right, just reply and we will pick it up.");
        assertThat(updates(c).get(2)).contains("We have reopened your case");
        long customerId = opened.get("customer").get("id").asLong();
        assertThat(Channel.DELIVERED).filteredOn(u -> u.caseId() == opened.get("id").asLong())
            .allSatisfy(update -> assertThat(update.customerId()).isEqualTo(customerId));
    }

    @Test
    void theAcknowledgementTheAgentWritesIsWhatTheCustomerIsSentAndWhatTheCaseShows() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        String written = "Dear Maria, I am so sorry about your vase. I am Ana and I will call you before noon today.";

        admin().post(c + "/acknowledge", Map.of("message", written));

        assertThat(updates(c)).containsExactly("Update to customer: " + written);
        assertThat(admin().get(c).json().get("steps").get(0).get("note").asString()).isEqualTo(written);
        List<String> bodies = jdbc.sql("select body_text from outbox where case_id = ?").param(opened.get("id").asLong())
            .query(String.class).list();
        assertThat(bodies).singleElement().satisfies(body -> assertThat(body).startsWith(written)
            .doesNotContain("We have received your message"));
    }

    @Test
    void aPromiseMadeToTheCustomerAndThenBrokenIsToldWithAnApology() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        long promise = admin().post(c + "/promises", Map.of("description", "A technician will call you",
            "dueAt", Instant.now().plus(Duration.ofHours(3)).toString())).json().get("id").asLong();
        jdbc.sql("update promises set due_at = current_timestamp - interval '1' minute where id = ?").param(promise).update();

        promises.breakOverdue();

        List<String> told = updates(c);
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).startsWith("Update to customer: We promise: A technician will call you, by ");
        assertThat(told.get(1)).startsWith("Update to customer: We are sorry: we have not yet kept our promise (A technician will call you, by ")
            .endsWith("is on it and will tell you when it will be done.");
        assertThat(delivered(opened.get("id").asLong())).containsExactly("promise-made", "promise-broken");
    }

    private List<String> updates(String casePath) {
        return admin().get(casePath + "/timeline").json().valueStream()
            .filter(entry -> entry.get("kind").asString().equals("customer.update"))
            .map(entry -> entry.get("summary").asString()).toList();
    }

    private static List<String> delivered(long caseId) {
        return Channel.DELIVERED.stream().filter(update -> update.caseId() == caseId).map(CustomerUpdate::kind).toList();
    }
}
