package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.CaseWalk;
import org.redress.Http;
import org.redress.MovableClock;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;

/**
 * Reaching out first, on a node of its own (incidents are the whole business's): the funnel of
 * an incident's customers from affected to recovered, the outreach cases and how they ended,
 * and the iceberg recorded day by day and shown week by week.
 */
class ProactiveTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);
    private static final Pattern LINK = Pattern.compile("/i/([A-Za-z0-9_-]{43})");

    @Test
    void theIncidentFunnelTheOutreachAndTheIcebergWeekByWeek() throws Exception {
        MovableClock clock = new MovableClock();
        try (ConfigurableApplicationContext node = Nodes.start(PostgresDatabase.fresh(), true, clock,
                "--redress.insights.refresh-every=1s")) {
            Http admin = Nodes.admin(node);
            IcebergHistory iceberg = node.getBean(IcebergHistory.class);
            LocalDate firstDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            iceberg.record();
            long silentAtFirst = admin.get("/api/v1/risk/iceberg?days=7").json().get("silent").asLong();

            clock.advance(Duration.ofDays(2));
            // Two days on, three customers are told of a depot fault: two open the notice, one answers, and their case is recovered.
            String incident = admin.post("/api/v1/incidents", Map.of("title", "Depot fault", "whatHappened",
                "A fault at the depot delayed parcels.", "plan", "Two extra vans deliver every delayed parcel.",
                "fixBy", firstDay.plusDays(3).toString(), "category", "delivery", "severity", 2)).json().get("number").asString();
            admin.with("Content-Type", "text/csv").post("/api/v1/incidents/" + incident + "/customers/csv",
                "customerRef,email,name\nP1,p1@example.com,Pia\nP2,p2@example.com,Paul\nP3,p3@example.com,Petra\n");
            admin.post("/api/v1/incidents/" + incident + "/notify", Map.of());
            MAIL.waitForIncomingEmail(30_000, 3);
            Http customer = Http.anonymous(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
            customer.html("/i/" + token("p1@example.com"));
            customer.html("/i/" + token("p2@example.com"));
            customer.postFormWithCsrf("/i/" + token("p1@example.com"), "/i/" + token("p1@example.com") + "/affected",
                Map.of("message", "My parcel never came"));
            String linked = admin.get("/api/v1/incidents/" + incident + "/customers").json().get("items").valueStream()
                .filter(item -> item.get("caseNumber") != null && !item.get("caseNumber").isNull()).findFirst().orElseThrow()
                .get("caseNumber").asString();
            CaseWalk.closeAsRecovered(admin, linked, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            // An outreach case (proactive, not from an incident), closed as not recovered.
            String outreach = admin.post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", "O1", "name", "Olga"),
                "channel", "proactive", "category", "delivery", "severity", 3, "subject", "We noticed three late deliveries",
                "message", "We saw your last orders came late and wanted to put it right.")).json().get("number").asString();
            admin.post("/api/v1/cases/" + outreach + "/acknowledge", Map.of("message", "We are sorry about the delays."));
            admin.post("/api/v1/cases/" + outreach + "/close", Map.of("outcome", "not-recovered", "note", "No answer"));

            // Six days later (another week), the iceberg is recorded again: the customers of the incident who
            // said nothing are under water, once the risk sweep has counted their exposure.
            clock.advance(Duration.ofDays(6));
            long silentLater = refreshed(admin, "/api/v1/risk/iceberg?days=7", r -> r.get("silent").asLong() > 0)
                .get("silent").asLong();
            assertThat(silentLater).isPositive();
            iceberg.record();
            LocalDate lastDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            JsonNode report = refreshed(admin, "/api/v1/insights/proactive?from=" + firstDay + "&to=" + lastDay,
                r -> r.get("outreach").get("opened").asLong() == 1 && r.get("incidents").get("recovered").asLong() == 1);

            JsonNode funnel = report.get("incidents");
            assertThat(funnel.get("incidents").asLong()).isEqualTo(1);
            assertThat(funnel.get("affected").asLong()).isEqualTo(3);
            assertThat(funnel.get("notified").asLong()).isEqualTo(3);
            assertThat(funnel.get("opened").asLong()).isEqualTo(2);
            assertThat(funnel.get("replied").asLong()).isEqualTo(1);
            assertThat(funnel.get("cases").asLong()).isEqualTo(1);
            assertThat(funnel.get("recovered").asLong()).isEqualTo(1);
            JsonNode reachedOut = report.get("outreach");
            assertThat(reachedOut.get("opened").asLong()).as("the incident's case is not outreach").isEqualTo(1);
            assertThat(reachedOut.get("notRecovered").asLong()).isEqualTo(1);
            assertThat(report.get("iceberg").size()).isEqualTo(2);
            assertThat(report.get("iceberg").get(0).get("day").asString()).isEqualTo(firstDay.toString());
            assertThat(report.get("iceberg").get(0).get("silent").asLong()).isEqualTo(silentAtFirst);
            assertThat(report.get("iceberg").get(1).get("day").asString()).isEqualTo(lastDay.toString());
            assertThat(report.get("iceberg").get(1).get("silent").asLong()).isEqualTo(silentLater);
        }
    }

    private static String token(String email) {
        return Arrays.stream(MAIL.getReceivedMessages())
            .filter(message -> recipient(message).equals(email))
            .map(GreenMailUtil::getBody)
            .map(body -> body.replace("=\r\n", ""))
            .map(LINK::matcher).filter(Matcher::find).map(link -> link.group(1))
            .findFirst().orElseThrow(() -> new AssertionError("no notice to " + email));
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }


    private static JsonNode refreshed(Http admin, String path, Predicate<JsonNode> ready) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode report = admin.get(path).json();
        while (!ready.test(report) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            report = admin.get(path).json();
        }
        return report;
    }
}
