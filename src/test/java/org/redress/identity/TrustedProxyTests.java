package org.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.test.context.TestPropertySource;

/** Behind a configured TLS proxy, the session cookie is Secure and browsers are told to stay on https. */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1")
class TrustedProxyTests extends ApplicationTest {

    @Test
    void httpsFromATrustedProxyMakesCookiesSecureAndSendsHsts() {
        Http.Response login = Http.anonymous(port).with("X-Forwarded-Proto", "https").html("/login");

        assertThat(login.header("Set-Cookie")).contains("Secure").contains("SameSite=Lax");
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void plainHttpFromTheSameProxyStaysPlain() {
        Http.Response login = Http.anonymous(port).html("/login");

        assertThat(login.header("Set-Cookie")).doesNotContain("Secure");
        assertThat(login.header("Strict-Transport-Security")).isNull();
    }
}
