package org.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Browser-facing defences: headers, cookies, redirects, and tokens that stay dead. */
class HardeningTests extends ApplicationTest {

    @Test
    void consolePagesForbidInlineScriptAndLeakNoReferrer() {
        Http.Response login = Http.anonymous(port).html("/login");

        String policy = login.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'");
        assertThat(scriptSource(policy)).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(login.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(login.header("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void apiAnswersMayNotRunOrBeFramed() {
        Http.Response me = admin().get("/api/v1/me");

        assertThat(me.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(me.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndNotSecureOverPlainHttpFromAnUntrustedClient() {
        Http.Response login = Http.anonymous(port).with("X-Forwarded-Proto", "https").html("/login");

        String cookie = login.header("Set-Cookie");
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        // Forwarded headers count only from configured proxies (none by default).
        assertThat(login.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void noTemplateHasInlineScriptOrEventHandlers() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> templates = files.filter(p -> p.toString().endsWith(".html")).toList();
            assertThat(templates).isNotEmpty();
            for (Path template : templates) {
                String html = Files.readString(template);
                assertThat(inlineScript.matcher(html).find()).as("inline <script> in %s", template).isFalse();
                assertThat(handler.matcher(html).find()).as("inline event handler in %s", template).isFalse();
                assertThat(html).as("javascript: URL in %s", template).doesNotContainIgnoringCase("javascript:");
            }
        }
    }

    @Test
    void aRedirectNeverNamesTheHostTheRequestClaimed() throws IOException {
        String answer = raw("GET /cases HTTP/1.1\r\nHost: evil.test\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        String location = answer.lines().filter(line -> line.toLowerCase().startsWith("location:")).findFirst().orElseThrow();
        assertThat(location).doesNotContain("evil.test");
        assertThat(location.substring("location:".length()).trim()).isEqualTo("/login");
    }

    @Test
    void reactivatingAUserDoesNotBringTheirOldTokensBack() {
        String email = "returning-" + unique() + "@test.redress";
        long id = admin().post("/api/v1/users", Map.of("email", email, "name", "Ria", "password", "ria-password-1",
            "role", "agent")).json().get("id").asLong();
        JsonNode issued = Http.basic(port, email, "ria-password-1").post("/api/v1/tokens", Map.of("name", "laptop")).json();
        Http oldToken = Http.bearer(port, issued.get("secret").asString());
        assertThat(oldToken.get("/api/v1/me").status()).isEqualTo(200);

        admin().patch("/api/v1/users/" + id, Map.of("active", false));
        admin().patch("/api/v1/users/" + id, Map.of("active", true));

        assertThat(oldToken.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Http.basic(port, email, "ria-password-1").get("/api/v1/tokens").json().get(0).get("revokedAt").isNull())
            .isFalse();
        Http fresh = Http.bearer(port, Http.basic(port, email, "ria-password-1").post("/api/v1/tokens", Map.of("name", "new"))
            .json().get("secret").asString());
        assertThat(fresh.get("/api/v1/me").status()).isEqualTo(200);
    }

    private static String scriptSource(String policy) {
        return Stream.of(policy.split(";")).map(String::trim).filter(d -> d.startsWith("script-src")).findFirst().orElse("");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
