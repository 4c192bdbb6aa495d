package org.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

/**
 * Password guessing is slowed, then refused, per account and per address, on every way in
 * that takes a password. (Every test here guesses from 127.0.0.1 like all other tests, so
 * each clears the counts it made, lest the address throttle refuse the rest of the suite.)
 */
class SignInThrottleTests extends ApplicationTest {

    @AfterEach
    void forgetFailures() {
        jdbc.sql("delete from sign_in_failures").update();
    }

    @Test
    void afterFiveFreeMistakesAnAccountMustWaitAndEvenTheRightPasswordIsRefusedUntilThen() throws Exception {
        String email = person();
        Http wrong = Http.basic(port, email, "not-the-password");
        for (int i = 0; i < SignInThrottle.FREE_ACCOUNT_FAILURES + 1; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }

        Http.Response refused = Http.basic(port, email, "right-password-1").get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("Too many failed sign-ins");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'sign-in.failed' and subject = ?")
            .param("account:" + email).query(Long.class).single()).isEqualTo(SignInThrottle.FREE_ACCOUNT_FAILURES + 1);

        Thread.sleep(retryAfter * 1000 + 100);
        assertThat(Http.basic(port, email, "right-password-1").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void noMoreThanTenGuessesAMinuteAtOneAccount() throws InterruptedException {
        String email = person();
        Http wrong = Http.basic(port, email, "not-the-password");
        int guessesChecked = 0;
        long deadline = System.nanoTime() + 8_000_000_000L;
        // Eight seconds of guessing as fast as possible: the free five, then one each time the wait ends.
        while (System.nanoTime() < deadline) {
            if (wrong.get("/api/v1/me").status() == 401) {
                guessesChecked++;
            }
            Thread.sleep(20);
        }

        // Waits of 2, 4 s after the free five: at most 5 + 1 + 1 + 1 guesses reach the password check in 8 s.
        assertThat(guessesChecked).isBetween(SignInThrottle.FREE_ACCOUNT_FAILURES + 1, SignInThrottle.FREE_ACCOUNT_FAILURES + 3);
        assertThat(SignInThrottle.wait(1)).hasSeconds(2);
        assertThat(SignInThrottle.wait(5)).hasSeconds(32);
        assertThat(SignInThrottle.wait(6)).isEqualTo(SignInThrottle.LONGEST_WAIT);
        assertThat(SignInThrottle.wait(60)).isEqualTo(SignInThrottle.LONGEST_WAIT);
    }

    @Test
    void creatingATokenWithAGuessedPasswordIsThrottledToo() {
        String email = person();
        for (int i = 0; i < SignInThrottle.FREE_ACCOUNT_FAILURES + 1; i++) {
            Http.basic(port, email, "guess-" + i).post("/api/v1/tokens", Map.of("name", "stolen"));
        }

        Http.Response refused = Http.basic(port, email, "guess-x").post("/api/v1/tokens", Map.of("name", "stolen"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(jdbc.sql("select count(*) from api_tokens t join users u on u.id = t.user_id where u.email = ?")
            .param(email).query(Long.class).single()).isZero();
    }

    @Test
    void theConsoleSignInSaysToWaitInsteadOfCheckingThePassword() {
        String email = person();
        Http browser = Http.anonymous(port);
        for (int i = 0; i < SignInThrottle.FREE_ACCOUNT_FAILURES + 1; i++) {
            Http.Response failed = browser.postFormWithCsrf("/login", "/login", Map.of("username", email, "password", "guess-" + i));
            assertThat(failed.header("Location")).isEqualTo("/login?error");
        }

        Http.Response throttled = browser.postFormWithCsrf("/login", "/login", Map.of("username", email, "password", "right-password-1"));

        assertThat(throttled.status()).isEqualTo(302);
        assertThat(throttled.header("Location")).startsWith("/login?wait=");
        assertThat(browser.html(throttled.header("Location")).body()).contains("Too many failed sign-ins");
    }

    @Test
    void oneAddressGuessingAtManyAccountsIsSlowedToo() {
        for (int i = 0; i < SignInThrottle.FREE_ADDRESS_FAILURES + 1; i++) {
            Http.basic(port, "nobody-" + unique() + "@test.redress", "guess").get("/api/v1/me");
        }

        Http.Response refused = Http.basic(port, "nobody-" + unique() + "@test.redress", "guess").get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(429);
    }

    private String person() {
        String email = "guessed-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Gus", "password", "right-password-1", "role", "agent"));
        return email;
    }
}
