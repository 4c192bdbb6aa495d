package org.redress.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.ClientAt;
import org.redress.shared.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client that presents too many bad customer links is refused every customer link for a
 * while, before any look-up; other clients are not. Each test is a client at an address of
 * its own, so the tests that share this application are not refused.
 */
class LinkThrottleTests extends ApplicationTest {

    @Autowired
    CaseLinks links;

    @Autowired
    LinkSettings settings;

    @Test
    void aClientRefusedForTooManyBadLinksIsRefusedEvenAGoodOneWhileAnotherClientsGoodLinkWorks() {
        String good = links.issue(open(admin(), "LT-" + unique()).get("id").asLong()).path();
        ClientAt guesser = new ClientAt("127.0.0.2", port);
        ClientAt customer = new ClientAt("127.0.0.3", port);
        for (int i = 0; i < settings.badTokenLimit(); i++) {
            assertThat(guesser.page("/c/guess-" + i + "." + unique()).status()).isEqualTo(404);
        }

        ClientAt.Response refused = guesser.page("/c/one-more." + unique());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, settings.badTokenWindow().toSeconds());
        assertThat(refused.body()).contains("Please wait a moment");
        assertThat(guesser.page(good).status()).isEqualTo(429);
        assertThat(customer.page(good).status()).isEqualTo(200);
    }

    @Test
    void badCaseSurveyAndIncidentLinksCountTowardsTheSameThrottle() {
        ClientAt guesser = new ClientAt("127.0.0.4", port);
        for (int i = 0; i < settings.badTokenLimit(); i++) {
            String path = switch (i % 3) {
                case 0 -> "/s/" + RandomToken.SURVEY.mint();
                case 1 -> "/i/" + RandomToken.INCIDENT.mint();
                default -> "/c/guess-" + i + "." + unique();
            };
            assertThat(guesser.page(path).status()).as(path).isEqualTo(404);
        }

        ClientAt.Response survey = guesser.get("/s/" + RandomToken.SURVEY.mint(), "application/json");
        ClientAt.Response incident = guesser.page("/i/" + RandomToken.INCIDENT.mint());

        assertThat(survey.status()).isEqualTo(429);
        assertThat(survey.header("Content-Type")).startsWith("application/problem+json");
        assertThat(survey.body()).contains(ProblemType.TOO_MANY_REQUESTS.uri().toString());
        assertThat(incident.status()).isEqualTo(429);
        assertThat(incident.body()).contains("Please wait a moment");
    }
}
