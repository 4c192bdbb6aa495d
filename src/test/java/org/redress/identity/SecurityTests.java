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

class SecurityTests extends ApplicationTest {

    @Test
    void theApiWithoutCredentialsAnswers401WithAProblem() {
        Http.Response response = Http.anonymous(port).get("/api/v1/cases");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        assertThat(response.json().get("detail").asString()).contains("Authorization: Bearer");
    }

    @Test
    void aWrongPasswordOrUnknownTokenIsRefused() {
        assertThat(Http.basic(port, ADMIN_EMAIL, "wrong-password").get("/api/v1/cases").status()).isEqualTo(401);
        assertThat(Http.bearer(port, "rdt_not-a-real-token").get("/api/v1/cases").status()).isEqualTo(401);
    }

    @Test
    void anAgentCannotManageUsers() {
        Http agent = newUser("agent");

        Http.Response create = agent.post("/api/v1/users", Map.of("email", "x-" + unique() + "@test.redress",
            "name", "X", "password", "long-enough-pass", "role", "admin"));
        Http.Response team = agent.post("/api/v1/teams", Map.of("name", "Rogue " + unique()));
        Http.Response audit = agent.get("/api/v1/audit");

        assertThat(create.status()).isEqualTo(403);
        assertThat(team.status()).isEqualTo(403);
        assertThat(audit.status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/users").status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenStopsWorking() {
        String email = "revoke-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Rita", "password", "rita-password-1", "role", "agent"));
        Http rita = Http.basic(port, email, "rita-password-1");
        JsonNode issued = rita.post("/api/v1/tokens", Map.of("name", "script")).json();
        Http token = Http.bearer(port, issued.get("secret").asString());
        assertThat(token.get("/api/v1/me").status()).isEqualTo(200);

        Http.Response revoked = rita.delete("/api/v1/tokens/" + issued.get("token").get("id").asLong());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(rita.get("/api/v1/tokens").json().get(0).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String secret = admin().post("/api/v1/tokens", Map.of("name", "hash check")).json().get("secret").asString();

        String storedHash = jdbc.sql("select token_hash from api_tokens where token_hash = ?")
            .param(sha256(secret)).query(String.class).single();
        long plainText = jdbc.sql("select count(*) from api_tokens where token_hash = ? or token_prefix = ? or name = ?")
            .params(secret, secret, secret).query(Long.class).single();

        assertThat(secret).startsWith("rdt_");
        assertThat(storedHash).hasSize(64).isNotEqualTo(secret);
        assertThat(plainText).isZero();
    }

    @Test
    void aDeactivatedUserCanNoLongerSignInAndTheirTokensStop() {
        String email = "leaver-" + unique() + "@test.redress";
        long id = admin().post("/api/v1/users", Map.of("email", email, "name", "Leo", "password", "leo-password-1",
            "role", "agent")).json().get("id").asLong();
        Http leo = Http.basic(port, email, "leo-password-1");
        Http token = Http.bearer(port, leo.post("/api/v1/tokens", Map.of("name", "x")).json().get("secret").asString());

        Http.Response deactivated = admin().patch("/api/v1/users/" + id, Map.of("active", false));

        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(leo.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anAdminChangesARoleAndEveryChangeIsAudited() {
        String email = "promote-" + unique() + "@test.redress";
        long id = admin().post("/api/v1/users", Map.of("email", email, "name", "Pia", "password", "pia-password-1",
            "role", "agent")).json().get("id").asLong();

        JsonNode lead = admin().patch("/api/v1/users/" + id, Map.of("role", "lead")).json();

        assertThat(lead.get("role").asString()).isEqualTo("LEAD");
        JsonNode audit = admin().get("/api/v1/audit?subject=user:" + id).json().get("items");
        assertThat(audit).extracting(e -> e.get("action").asString()).containsExactly("user.changed", "user.created");
        assertThat(audit.get(0).get("details").asString()).isEqualTo("role Agent → Lead");
        assertThat(audit.get(0).get("actorName").asString()).isEqualTo("Administrator");
    }

    @Test
    void badUserInputIsRefusedAndNothingIsWritten() {
        long before = count("users");

        Http.Response shortPassword = admin().post("/api/v1/users", Map.of("email", "s-" + unique() + "@test.redress",
            "name", "S", "password", "short", "role", "agent"));
        Http.Response badRole = admin().post("/api/v1/users", Map.of("email", "r-" + unique() + "@test.redress",
            "name", "R", "password", "long-enough-pass", "role", "emperor"));
        Http.Response duplicate = admin().post("/api/v1/users", Map.of("email", ADMIN_EMAIL,
            "name", "Again", "password", "long-enough-pass", "role", "agent"));

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(badRole.json().get("detail").asString()).contains("emperor", "agent, lead, manager, admin");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(count("users")).isEqualTo(before);
    }

    @Test
    void aTokenCannotCreateMoreTokens() {
        Http agent = newUser("agent");

        Http.Response minted = agent.post("/api/v1/tokens", Map.of("name", "successor"));

        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.json().get("detail").asString()).contains("password");
    }

    @Test
    void aRefusedUserChangeLeavesEveryPartOfItUnmade() {
        String email = "atomic-" + unique() + "@test.redress";
        long id = admin().post("/api/v1/users", Map.of("email", email, "name", "Ada", "password", "ada-password-12",
            "role", "agent")).json().get("id").asLong();

        Http.Response refused = admin().patch("/api/v1/users/" + id, Map.of("role", "lead", "teamId", 999_999));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/users/" + id).json().get("role").asString()).isEqualTo("AGENT");
        assertThat(admin().get("/api/v1/audit?subject=user:" + id).json().get("items")).hasSize(1);
    }

    @Test
    void anAdminCannotDemoteThemselves() {
        Http secondAdmin = newUser("admin");
        long me = secondAdmin.get("/api/v1/me").json().get("id").asLong();

        Http.Response refused = secondAdmin.patch("/api/v1/users/" + me, Map.of("role", "agent"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(secondAdmin.get("/api/v1/me").json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void onlySupervisorsChangeACustomersTier() {
        long customer = open(admin(), "C-" + unique()).get("customer").get("id").asLong();
        Http agent = newUser("agent");
        Http lead = newUser("lead");

        Http.Response byAgent = agent.patch("/api/v1/customers/" + customer, Map.of("tier", "vip"));
        Http.Response phoneByAgent = agent.patch("/api/v1/customers/" + customer, Map.of("phone", "+1 555 0100"));
        Http.Response byLead = lead.patch("/api/v1/customers/" + customer, Map.of("tier", "vip"));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(phoneByAgent.status()).isEqualTo(200);
        assertThat(byLead.json().get("tier").asString()).isEqualTo("vip");
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void consolePagesNeedASignIn() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String page : new String[] {"/cases", "/cases/RC-000001", "/admin/users", "/account"}) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
        }
    }

    @Test
    void healthIsPublicAndMetricsAreForAdmins() {
        assertThat(Http.anonymous(port).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(Http.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin().with("Accept", "text/plain").get("/actuator/prometheus").body()).contains("http_server_requests");
    }
}
