package org.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * A person's own preferences over HTTP: the weekly insights digest, switched off and on again
 * on the Account page (a console form with its CSRF token) and through the API; only for
 * those who may read Insights; bad input is a problem naming the field; each change audited.
 */
class AccountPreferencesTests extends ApplicationTest {

    private static final String DIGEST = "/api/v1/me/preferences/weekly-digest";

    @Test
    void aLeadSwitchesTheWeeklyDigestOffAndOnAgainOnTheAccountPage() {
        Someone lead = someone("lead");
        Http console = console(signIn(lead.email()));
        assertThat(console.html("/account").body()).contains("Weekly insights digest", "Switch it off");

        Http.Response off = console.postFormWithCsrf("/account", "/account/preferences/weekly-digest", Map.of("on", "false"));

        assertThat(off.status()).isEqualTo(302);
        assertThat(off.header("Location")).endsWith("/account");
        assertThat(console.html("/account").body()).contains("The weekly insights digest is off.", "Switch it on");
        assertThat(digest(lead.api()).get("on").asBoolean()).isFalse();

        console.postFormWithCsrf("/account", "/account/preferences/weekly-digest", Map.of("on", "true"));

        assertThat(digest(lead.api()).get("on").asBoolean()).isTrue();
        assertThat(admin().get("/api/v1/audit?action=user.preference-changed&subject=user:" + lead.id()).json().get("items").valueStream()
            .map(entry -> entry.get("details").asString()).toList())
            .containsExactly("weekly-digest on", "weekly-digest off");
    }

    @Test
    void theAccountFormIsRefusedWithoutItsCsrfTokenAndABadValueIsSaidOnThePage() throws Exception {
        Someone manager = someone("manager");
        String session = signIn(manager.email());
        Http console = console(session);

        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/account/preferences/weekly-digest"))
            .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("on=false")).build(), HttpResponse.BodyHandlers.ofString());
        Http.Response bad = console.postFormWithCsrf("/account", "/account/preferences/weekly-digest", Map.of("on", "maybe"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(bad.status()).isEqualTo(302);
        assertThat(console.html("/account").body()).contains("on &#39;maybe&#39; is neither true nor false");
        assertThat(digest(manager.api()).get("on").asBoolean()).isTrue();
    }

    @Test
    void theDigestIsOnByDefaultAndOnlyForThoseWhoMayReadInsights() {
        Http manager = someone("manager").api();
        Someone anAgent = someone("agent");
        Http agent = anAgent.api();

        JsonNode preferences = manager.get("/api/v1/me/preferences").json();
        Http.Response refused = agent.put(DIGEST, Map.of("on", false));

        assertThat(preferences.size()).isEqualTo(1);
        assertThat(preferences.get(0).get("key").asString()).isEqualTo("weekly-digest");
        assertThat(preferences.get(0).get("on").asBoolean()).isTrue();
        assertThat(preferences.get(0).get("description").asString()).contains("every Monday at 07:00");
        assertThat(agent.get("/api/v1/me/preferences").json().size()).isZero();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).isEqualTo("The weekly insights digest is not for your role (agent).");
        assertThat(console(signIn(anAgent.email())).html("/account").body()).contains("API token")
            .doesNotContain("Weekly insights digest");
    }

    @Test
    void switchingWithoutSayingOnOrOffOrAnUnknownPreferenceIsAProblem() {
        Http lead = someone("lead").api();

        Http.Response missing = lead.put(DIGEST, Map.of());
        Http.Response unknown = lead.put("/api/v1/me/preferences/daily-digest", Map.of("on", false));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("on");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("There is no preference 'daily-digest'.");
        assertThat(digest(lead).get("on").asBoolean()).isTrue();
    }

    private static final String PASSWORD = "password-of-a-person";

    private record Someone(long id, String email, Http api) {}

    // A new person with this role, and their API client (HTTP Basic).
    private Someone someone(String role) {
        String email = role + "-" + unique() + "@test.redress";
        Http.Response created = admin().post("/api/v1/users", Map.of("email", email, "name", "Someone " + unique(),
            "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Someone(created.json().get("id").asLong(), email, Http.basic(port, email, PASSWORD));
    }

    private static JsonNode digest(Http person) {
        return person.get("/api/v1/me/preferences").json().valueStream()
            .filter(preference -> preference.get("key").asString().equals("weekly-digest")).findFirst().orElseThrow();
    }

    // Signs in through the console's form, as a browser does; the session cookie ("JSESSIONID=…").
    private String signIn(String email) {
        Http.Response signIn = Http.anonymous(port).postFormWithCsrf("/login", "/login", Map.of("username", email, "password", PASSWORD));
        assertThat(signIn.status()).isEqualTo(302);
        return signIn.header("Set-Cookie").split(";", 2)[0];
    }

    private Http console(String session) {
        return Http.anonymous(port).with("Cookie", session);
    }
}
