package org.redress.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.ClientAt;
import org.redress.MovableClock;
import org.redress.platform.PublicAddress;
import org.redress.shared.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The case remembers its latest link; a bad one gets the one "not valid" answer of every customer link. */
class CaseLinkTests extends ApplicationTest {

    @Autowired
    SigningKey key;

    @Autowired
    IssuedLinks issued;

    @Autowired
    PublicAddress address;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theLatestLinkIssuedIsTheCasesLinkUntilItExpiresThenAFreshOneIs() {
        MovableClock clock = new MovableClock();
        CaseLinks links = new CaseLinks(new SignedCaseTokens(key, Duration.ofDays(30), clock), issued, address, clock);
        long caseId = open(admin(), "CL-" + unique()).get("id").asLong();

        CaseLinks.CaseLink first = links.issue(caseId);
        clock.advance(Duration.ofDays(1));
        assertThat(links.linkFor(caseId)).isEqualTo(first);
        CaseLinks.CaseLink second = links.issue(caseId);
        clock.advance(Duration.ofDays(29).plusHours(1));
        assertThat(links.linkFor(caseId)).isEqualTo(second).isNotEqualTo(first);
        clock.advance(Duration.ofDays(1));

        CaseLinks.CaseLink fresh = links.linkFor(caseId);

        assertThat(fresh).isNotEqualTo(second);
        assertThat(links.caseOf(fresh.token())).isEqualTo(caseId);
        assertThat(fresh.address()).isEqualTo(address.link("/c/" + fresh.token()));
    }

    @Test
    void anExpiredLinkIsGoneAndItsPageSaysNoMoreThanAnAlteredLinksDoes() {
        long caseId = open(admin(), "CL-" + unique()).get("id").asLong();
        // A link made an hour before it expires... an hour and a day ago.
        String expired = new SignedCaseTokens(key, Duration.ofHours(1), Clock.offset(Clock.systemUTC(), Duration.ofHours(-25)))
            .tokenFor(caseId, Clock.offset(Clock.systemUTC(), Duration.ofHours(-25)).instant());
        ClientAt customer = new ClientAt("127.0.0.5", port);

        ClientAt.Response gone = customer.page("/c/" + expired);
        ClientAt.Response altered = customer.page("/c/" + expired.replace('.', 'x') + ".x");

        assertThat(gone.status()).isEqualTo(410);
        assertThat(altered.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo(altered.body()).contains("This link is not valid").doesNotContain("RC-");
    }

    @Test
    void aBadLinkAskedForAsJsonIsAProblemDocument() {
        long caseId = open(admin(), "CL-" + unique()).get("id").asLong();
        String expired = new SignedCaseTokens(key, Duration.ofHours(1), Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
            .tokenFor(caseId, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)).instant());
        ClientAt client = new ClientAt("127.0.0.6", port);

        ClientAt.Response unknown = client.get("/i/" + RandomToken.INCIDENT.mint(), "application/json");
        ClientAt.Response gone = client.get("/c/" + expired, "application/json");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.body()).contains(ProblemType.NOT_FOUND.uri().toString());
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains(ProblemType.LINK_EXPIRED.uri().toString());
    }

    @Test
    void aNodeThatHasNotSignedALinkYetChecksOneInsideAReadOnlyTransaction() {
        long caseId = open(admin(), "CL-" + unique()).get("id").asLong();
        String token = new SignedCaseTokens(key, Duration.ofDays(30), Clock.systemUTC()).tokenFor(caseId, Clock.systemUTC().instant());
        SignedCaseTokens freshNode = new SignedCaseTokens(new SigningKey(jdbc, Clock.systemUTC(), transactions),
            Duration.ofDays(30), Clock.systemUTC());
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        Optional<Long> opened = Optional.ofNullable(readOnly.execute(status -> freshNode.caseOf(token)));

        assertThat(opened).contains(caseId);
    }
}
