package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.ClientAt;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * The chat widget as a channel: what the customer writes opens or joins a case, the agent's
 * answer (and the customer updates) go to the chat because that is where the case came
 * from, the customer carries on later with the conversation's secret, and after the case
 * closes a new message opens a new one.
 */
class ChatChannelTests extends ApplicationTest {

    private Http widget(String token) {
        return Http.anonymous(port).with("X-Chat-Token", token);
    }

    @Test
    void aChatOpensACaseTheAgentAnswersInTheChatAndTheCustomerCarriesOnOnTheSameCase() {
        String email = "chat-" + unique() + "@example.com";
        Http.Response started = Http.anonymous(port).post("/widget/conversations", Map.of("name", "Clara Chat", "email", email,
            "text", "My parcel says delivered but it is not here."));
        assertThat(started.status()).isEqualTo(201);
        String token = started.json().get("token").asString();
        String number = started.json().get("conversation").get("caseNumber").asString();
        String c = "/api/v1/cases/" + number;
        JsonNode opened = admin().get(c).json();
        assertThat(opened.get("channel").asString()).isEqualTo("chat");
        assertThat(opened.get("customer").get("email").asString()).isEqualTo(email);
        // Only a hash of the secret is kept.
        assertThat(jdbc.sql("select count(*) from channel_conversations where conversation = ?").param(token)
            .query(Long.class).single()).isZero();

        // Acknowledging sends the customer update to the chat, not to their email.
        admin().post(c + "/acknowledge", Map.of("message", "Thank you, Clara; I am looking into it now."));
        Http.Response reply = admin().post(c + "/replies", Map.of("text", "The driver left it with your neighbour at number 12."));
        assertThat(reply.status()).isEqualTo(202);
        JsonNode outbox = admin().get(c + "/outbox").json();
        assertThat(outbox).hasSize(2).allSatisfy(message -> {
            assertThat(message.get("channel").asString()).isEqualTo("chat");
            assertThat(message.get("recipient").asString()).isEqualTo("chat " + number);
        });
        // Chat needs no mail server: the outbox marks its messages sent at once.
        org.redress.Await.until(() -> admin().get(c + "/outbox").json().findValuesAsString("state").stream()
            .allMatch("SENT"::equals), "the chat messages sent");

        JsonNode conversation = widget(token).get("/widget/conversation").json();
        assertThat(conversation.get("caseNumber").asString()).isEqualTo(number);
        assertThat(conversation.get("messages").findValuesAsString("text")).containsExactly(
            "My parcel says delivered but it is not here.", "Thank you, Clara; I am looking into it now.",
            "The driver left it with your neighbour at number 12.");
        assertThat(conversation.get("messages").findValuesAsString("from")).containsExactly("customer", "us", "us");

        // Later, with the same secret: the message joins the same case.
        JsonNode later = widget(token).post("/widget/messages", Map.of("text", "Found it, thank you!")).json();
        assertThat(later.get("caseNumber").asString()).isEqualTo(number);
        assertThat(later.get("messages").findValuesAsString("text")).last().isEqualTo("Found it, thank you!");
        assertThat(admin().get(c + "/messages").json().findValuesAsString("body")).contains("Found it, thank you!");

        // After the case is closed, writing again opens a new case, and the chat follows it.
        closeAsRecovered(number);
        JsonNode again = widget(token).post("/widget/messages", Map.of("text", "Now the second parcel is missing.")).json();
        String second = again.get("caseNumber").asString();
        assertThat(second).isNotEqualTo(number);
        assertThat(again.get("closed").asBoolean()).isFalse();
        assertThat(admin().get("/api/v1/cases/" + second).json().get("customer").get("email").asString()).isEqualTo(email);
        assertThat(widget(token).get("/widget/conversation").json().get("caseNumber").asString()).isEqualTo(second);
    }

    @Test
    void theRecoverySurveyOfAChatCaseIsAskedInTheChat() {
        long survey = admin().post("/api/v1/surveys", Map.of("name", "Recovery " + unique(), "kind", "CSAT",
            "purpose", "RECOVERY", "question", "How well did we put it right?")).json().get("id").asLong();
        try {
            String token = Http.anonymous(port).post("/widget/conversations", Map.of("name", "Sara Survey",
                "email", "survey-" + unique() + "@example.com", "text", "The lid was cracked.")).json().get("token").asString();
            String c = "/api/v1/cases/" + widget(token).get("/widget/conversation").json().get("caseNumber").asString();
            admin().post(c + "/acknowledge", Map.of());
            admin().post(c + "/listen", Map.of("account", "Cracked lid"));
            admin().post(c + "/resolve", Map.of("resolution", "A new lid", "promisedBy", today().plusDays(2).toString()));
            admin().post(c + "/fulfil", Map.of());

            assertThat(admin().post(c + "/recovery-survey", Map.of()).status()).isEqualTo(202);

            JsonNode invitation = admin().get(c + "/outbox").json().get(admin().get(c + "/outbox").json().size() - 1);
            assertThat(invitation.get("channel").asString()).isEqualTo("chat");
            assertThat(invitation.get("subject").isNull()).isTrue();
            assertThat(widget(token).get("/widget/conversation").json().get("messages").findValuesAsString("text"))
                .last().asString().contains("/s/");
        } finally {
            jdbc.sql("update surveys set active = false where id = ?").param(survey).update();
        }
    }

    @Test
    void anAgentMayStillEmailAChatCustomerButNotPostToANetworkTheyNeverUsed() {
        String token = Http.anonymous(port).post("/widget/conversations", Map.of("name", "Elsa Either",
            "email", "either-" + unique() + "@example.com", "text", "Wrong colour.")).json().get("token").asString();
        String number = widget(token).get("/widget/conversation").json().get("caseNumber").asString();
        String c = "/api/v1/cases/" + number;

        Http.Response byEmail = admin().post(c + "/replies", Map.of("channel", "email", "subject", "Your colour",
            "text", "We will send the blue one."));
        Http.Response noSubject = admin().post(c + "/replies", Map.of("channel", "email", "text", "We will send the blue one."));
        Http.Response social = admin().post(c + "/replies", Map.of("channel", "social", "text", "Hello"));
        Http.Response unknown = admin().post(c + "/replies", Map.of("channel", "carrier-pigeon", "text", "Hello"));

        assertThat(byEmail.status()).isEqualTo(202);
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.json().get("errors").findValuesAsString("field")).containsExactly("subject");
        assertThat(social.status()).isEqualTo(409);
        assertThat(social.json().get("detail").asString()).contains("cannot be reached by social");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("email", "chat", "social");
        assertThat(admin().get(c + "/outbox").json().findValuesAsString("channel")).containsExactly("email");
        // The email went by email: it is not in the chat.
        assertThat(widget(token).get("/widget/conversation").json().get("messages").findValuesAsString("text"))
            .containsExactly("Wrong colour.");
    }

    @Test
    void aBadStartIsRefusedFieldByFieldWithNothingWrittenAndAnUnknownSecretFindsNothing() {
        long cases = count("recovery_cases");
        long conversations = count("channel_conversations");

        Http.Response refused = Http.anonymous(port).post("/widget/conversations", Map.of("name", " ", "email", "not-an-address",
            "text", ""));
        Http.Response unknown = widget("not-a-real-secret").get("/widget/conversation");
        Http.Response none = Http.anonymous(port).post("/widget/messages", Map.of("text", "hello"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "email", "text");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("This chat is not known here any more; start a new one.");
        assertThat(none.status()).isEqualTo(404);
        assertThat(count("recovery_cases")).isEqualTo(cases);
        assertThat(count("channel_conversations")).isEqualTo(conversations);
    }

    @Test
    void oneConnectionMayStartOnlySoManyChatsAnHourWhileAnotherStillCan() {
        ClientAt flood = new ClientAt("127.0.0.6", port);
        ClientAt customer = new ClientAt("127.0.0.7", port);
        String chat = "{\"name\": \"Fay Flood\", \"email\": \"flood@example.com\", \"text\": \"Hello\"}";
        // A refused form does not count.
        assertThat(flood.post("/widget/conversations", "{\"name\": \"\", \"email\": \"x\", \"text\": \"\"}").status())
            .isEqualTo(400);
        for (int i = 0; i < 10; i++) {
            assertThat(flood.post("/widget/conversations", chat).status()).isEqualTo(201);
        }
        long cases = count("recovery_cases");

        ClientAt.Response refused = flood.post("/widget/conversations", chat);
        ClientAt.Response other = customer.post("/widget/conversations",
            "{\"name\": \"Olga Other\", \"email\": \"other-" + unique() + "@example.com\", \"text\": \"Hi\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("https://redress.dev/problems/too-many-requests");
        assertThat(other.status()).isEqualTo(201);
        assertThat(count("recovery_cases")).isEqualTo(cases + 1);
    }

    @Test
    void theWidgetPageMayBeFramedByOtherSitesButTheConsoleMayNot() {
        Http.Response page = Http.anonymous(port).html("/widget");
        Http.Response script = Http.anonymous(port).get("/widget.js");
        Http.Response console = Http.anonymous(port).html("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors *").contains("script-src 'self'");
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.header("Set-Cookie")).isNull();
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(console.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(List.of(page.body())).allSatisfy(body -> assertThat(body).contains("/js/chat.js"));
    }
}
