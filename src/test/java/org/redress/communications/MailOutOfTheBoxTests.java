package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * With no mail server configured (as here), email goes to the server built into Redress:
 * nothing waits, and admins read every message under Mail, as it was sent.
 */
class MailOutOfTheBoxTests extends ApplicationTest {

    @Test
    void aReplyIsSentToTheBuiltInServerAndAdminsReadItAsSent() {
        String email = "mail-" + unique() + "@example.com";
        String number = openCase(email);
        admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "About your vase",
            "text", "Hello, we are sorry about the vase.\n\nA new one leaves today."));

        JsonNode sent = awaitMessage(email, "About your vase", "sent");
        assertThat(sent.get("caseNumber").asString()).isEqualTo(number);
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("sentAt").isNull()).isFalse();

        JsonNode mail = admin().get("/api/v1/mail?recipient=" + email).json();
        assertThat(mail.get("route").asString()).isEqualTo("BUILT_IN");
        assertThat(mail.get("failingSince").isNull()).isTrue();
        assertThat(mail.get("counts").get("sent").asLong()).isPositive();

        JsonNode one = admin().get("/api/v1/mail/" + sent.get("id").asLong()).json();
        assertThat(one.get("text").asString()).isEqualTo("Hello, we are sorry about the vase.\n\nA new one leaves today.");
        assertThat(one.get("state").asString()).isEqualTo("sent");
    }

    @Test
    void theOfferEmailCarriesTheSameLinkTheAgentIsGivenBuiltFromThePublicAddress() {
        String email = "link-" + unique() + "@example.com";
        String c = "/api/v1/cases/" + openCase(email);
        long remedy = admin().post(c + "/remedies", Map.of("type", "goodwill", "amount", "5.00", "description", "Sorry"))
            .json().get("id").asLong();
        admin().post(c + "/acknowledge", Map.of("message", "Sorry about this, we are on it."));
        admin().post(c + "/listen", Map.of("account", "It broke in transit."));
        String link = admin().post("/api/v1/remedies/" + remedy + "/offer",
            Map.of("deliverBy", java.time.LocalDate.now().plusDays(2).toString())).json().get("customerLink").asString();

        // No public address is configured here: links name this node on localhost (and admins are told).
        assertThat(link).startsWith("http://localhost:" + port + "/c/");
        JsonNode offer = awaitMessage(email, "Your case", "sent", link);
        assertThat(admin().get("/api/v1/mail/" + offer.get("id").asLong()).json().get("text").asString()).contains(link);
    }

    @Test
    void onlyAdminsReadMailAndABadFilterIsExplained() {
        assertThat(newUser("lead").get("/api/v1/mail").status()).isEqualTo(403);
        assertThat(newUser("agent").get("/api/v1/mail/1").status()).isEqualTo(403);

        Http.Response bad = admin().get("/api/v1/mail?state=lost");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("queued, sent or failed");
        assertThat(admin().get("/api/v1/mail/999999999").status()).isEqualTo(404);
    }

    private String openCase(String email) {
        Http.Response opened = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("email", email, "name", "Customer " + email),
            "channel", "email", "category", "delivery", "severity", 2,
            "subject", "Parcel arrived broken", "message", "The vase is in pieces."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("number").asString();
    }

    private JsonNode awaitMessage(String to, String subjectStart, String state) {
        return awaitMessage(to, subjectStart, state, "");
    }

    private JsonNode awaitMessage(String to, String subjectStart, String state, String containing) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode items = null;
        while (Instant.now().isBefore(deadline)) {
            items = admin().get("/api/v1/mail?recipient=" + to).json().get("items");
            for (JsonNode item : items.valueStream().toList()) {
                if (item.get("subject").asString("").startsWith(subjectStart) && item.get("state").asString().equals(state)
                        && item.get("text").asString().contains(containing)) {
                    return item;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No " + state + " message to " + to + " starting '" + subjectStart + "': " + items);
    }
}
