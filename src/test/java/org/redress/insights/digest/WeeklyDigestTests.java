package org.redress.insights.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.Http;
import org.redress.MovableClock;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.redress.insights.Period;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import tools.jackson.databind.JsonNode;

/**
 * The weekly digest on a node of its own (its database, its clock, a real mail server): two
 * weeks of known history, the clock moved to the Monday at 07:00 after them, and the email
 * each lead, manager and admin receives, word for word where it counts; nobody else gets one,
 * nobody gets a week twice, and someone who was not sent it at 07:00 gets it later that week.
 */
class WeeklyDigestTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String ADMIN = "admin@nodes.test";

    private final MovableClock clock = new MovableClock();

    @Test
    void eachLeadManagerAndAdminGetsTheWeeksNumbersOnceAndNobodyElse() throws Exception {
        try (ConfigurableApplicationContext node = Nodes.start(PostgresDatabase.fresh(), true, clock,
                "--redress.insights.refresh-every=1s", "--redress.public-url=https://care.example.com")) {
            Http admin = Nodes.admin(node);
            Staff lead = staff(node, admin, "lead", "Lena Lead");
            Staff manager = staff(node, admin, "manager", "Max Manager");
            Staff switchedOff = staff(node, admin, "manager", "Olga Off");
            Staff comesBack = staff(node, admin, "lead", "Carl Later");
            Staff agent = staff(node, admin, "agent", "Alex Agent");
            Staff gone = staff(node, admin, "lead", "Dee Parted");
            admin.patch("/api/v1/users/" + gone.id(), Map.of("active", false));
            assertThat(switchedOff.http().put("/api/v1/me/preferences/weekly-digest", Map.of("on", false)).status()).isEqualTo(200);
            assertThat(comesBack.http().put("/api/v1/me/preferences/weekly-digest", Map.of("on", false)).status()).isEqualTo(200);

            LocalDate weekBefore = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            LocalDate week = weekBefore.plusDays(7);
            LocalDate sendingDay = week.plusDays(7);
            weekBefore(admin, weekBefore);
            week(admin, week);
            moveTo(sendingDay.atTime(7, 0));
            refreshed(admin, week, summary -> summary.get("figures").get("closed").asLong() == 5
                && summary.get("previous").get("closed").asLong() == 3);

            int queued = node.getBean(WeeklyDigest.class).sendDue();

            assertThat(queued).isEqualTo(3);
            String subject = "Your week in Redress: " + new DigestWeek(sendingDay, new Period(week, week.plusDays(6))).shortly();
            MimeMessage digest = onlyMailTo(lead.email(), subject);
            assertThat(text(digest)).startsWith("Hello Lena Lead,\n\nHere is your week in Redress, Monday ")
                .contains("""
                    What changed
                    - Promises kept on time fell from 100% to 50%.
                    - Recovery rate fell from 66.7% to 25%.
                    - Goodwill granted rose from 20.00 EUR to 50.00 EUR.
                    """)
                .contains("""
                    Key numbers: this week (the week before)
                    - Cases opened: 5 (3)
                    - Cases closed: 5 (3)
                    - Recovery rate: 25% (66.7%)
                    - Median time to acknowledge: 1.8 h (60 min)
                    - Time targets met on time: 71.4% (100%)
                    - Promises kept on time: 50% (100%)
                    - Goodwill granted: 50.00 EUR (20.00 EUR)
                    - Cases open now: 0
                    """)
                .contains("See the week on the Insights page: https://care.example.com/insights?from=" + week + "&to="
                    + week.plusDays(6))
                .contains("every Monday at 07:00", "switch it off on your Account page: https://care.example.com/account");
            assertThat(text(digest)).contains("""
                    Overdue actions
                    - 3 actions are overdue in all, on the Lessons page.
                    """);
            assertThat(text(onlyMailTo(manager.email(), subject))).startsWith("Hello Max Manager,");
            assertThat(text(onlyMailTo(ADMIN, subject))).startsWith("Hello Administrator,")
                // The three recovered cases' actions are the admin's, who recorded them.
                .containsPattern("Overdue actions\n(- Yours: Order double boxes for vases \\(RC-\\d+\\), due \\d+ \\w+\n){3}"
                    + "- 3 actions are overdue in all, on the Lessons page.\n");

            // Once a week: a second run the same morning, and another on Wednesday, send nothing more.
            assertThat(node.getBean(WeeklyDigest.class).sendDue()).isZero();
            moveTo(sendingDay.plusDays(2).atTime(10, 0));
            assertThat(node.getBean(WeeklyDigest.class).sendDue()).isZero();

            // Switched back on later that week: this week's digest catches up, once.
            comesBack.http().put("/api/v1/me/preferences/weekly-digest", Map.of("on", true));
            assertThat(node.getBean(WeeklyDigest.class).sendDue()).isEqualTo(1);
            assertThat(node.getBean(WeeklyDigest.class).sendDue()).isZero();
            assertThat(text(onlyMailTo(comesBack.email(), subject))).startsWith("Hello Carl Later,");

            Thread.sleep(2_000);
            assertThat(mailTo(switchedOff.email())).as("switched off").isEmpty();
            assertThat(mailTo(agent.email())).as("an agent").isEmpty();
            assertThat(mailTo(gone.email())).as("deactivated").isEmpty();
            assertThat(mailTo(lead.email())).hasSize(1);
            assertThat(mailTo(ADMIN)).hasSize(1);

            // A lead answering the digest does not open a complaint.
            JsonNode reply = Nodes.integration(node).post("/api/v1/inbound/email", Map.of("from", lead.email(),
                "subject", "Re: " + subject, "text", "Why did the recovery rate fall?", "messageId", "<" + UUID.randomUUID() + "@mail.test>",
                "inReplyTo", digest.getMessageID())).json();
            assertThat(reply.get("outcome").asString()).isEqualTo("IGNORED");
            assertThat(admin.get("/api/v1/cases?limit=50").json().get("items").size()).isEqualTo(8);
        }
    }

    @Test
    void aNodeStartingAfterTheSendingTimeSendsTheWeekJustPastAtOnce() throws Exception {
        catchesUpAtStart(PostgresDatabase.fresh());
    }

    @Test
    void aNodeStartingAfterTheSendingTimeSendsTheWeekJustPastAtOnceOnH2() throws Exception {
        catchesUpAtStart("jdbc:h2:mem:digest-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    private static void catchesUpAtStart(String database) throws Exception {
        // The first start makes the admin (the digest is off on it, as on every test node).
        Nodes.start(database, true).close();

        try (ConfigurableApplicationContext node = Nodes.start(database, true, "--redress.insights.digest.enabled=true")) {
            DigestWeek due = DigestWeek.due(Instant.now().atZone(ZoneOffset.UTC), DayOfWeek.MONDAY, java.time.LocalTime.of(7, 0));

            MimeMessage digest = awaitMailTo(ADMIN);

            assertThat(digest.getSubject()).isEqualTo("Your week in Redress: " + due.shortly());
        }
    }

    // The week before: three cases answered in 30, 60 and 90 minutes; two recovered (their
    // promises kept on time), one not, with 20.00 of goodwill.
    private void weekBefore(Http admin, LocalDate monday) {
        moveTo(monday.atTime(9, 0));
        List<String> cases = List.of(complaint(admin), complaint(admin), complaint(admin));
        for (String number : cases) {
            clock.advance(Duration.ofMinutes(30));
            okRetried(() -> admin.post(path(number, "acknowledge"), Map.of("message", "We are on it.")));
        }
        recover(admin, cases.get(0), monday.plusDays(1));
        recover(admin, cases.get(1), monday.plusDays(1));
        ok(admin.post(path(cases.get(2), "listen"), Map.of("account", "The box was crushed.")));
        goodwill(admin, cases.get(2), "20.00");
        ok(admin.post(path(cases.get(2), "close"), Map.of("outcome", "not-recovered", "note", "Still unhappy")));
    }

    // The week: five cases; two answered in 30 minutes, two in three hours (late); one recovered,
    // one whose promise is broken, two not recovered (one with 50.00 of goodwill), one spam.
    private void week(Http admin, LocalDate monday) throws InterruptedException {
        moveTo(monday.atTime(9, 0));
        List<String> cases = List.of(complaint(admin), complaint(admin), complaint(admin), complaint(admin), complaint(admin));
        clock.advance(Duration.ofMinutes(30));
        okRetried(() -> admin.post(path(cases.get(0), "acknowledge"), Map.of("message", "We are on it.")));
        okRetried(() -> admin.post(path(cases.get(1), "acknowledge"), Map.of("message", "We are on it.")));
        ok(admin.post(path(cases.get(4), "close"), Map.of("reason", "spam")));
        recover(admin, cases.get(0), monday.plusDays(1));
        ok(admin.post(path(cases.get(1), "listen"), Map.of("account", "The box was crushed.")));
        ok(admin.post(path(cases.get(1), "resolve"), Map.of("resolution", "A new vase", "promisedBy", monday.toString())));
        moveTo(monday.atTime(12, 0));
        okRetried(() -> admin.post(path(cases.get(2), "acknowledge"), Map.of("message", "Sorry for the wait.")));
        okRetried(() -> admin.post(path(cases.get(3), "acknowledge"), Map.of("message", "Sorry for the wait.")));
        ok(admin.post(path(cases.get(2), "listen"), Map.of("account", "The box was crushed.")));
        goodwill(admin, cases.get(2), "50.00");
        ok(admin.post(path(cases.get(2), "close"), Map.of("outcome", "not-recovered", "note", "Went elsewhere")));
        ok(admin.post(path(cases.get(3), "close"), Map.of("outcome", "not-recovered", "note", "Went elsewhere")));
        moveTo(monday.plusDays(1).atTime(9, 0));
        await(() -> admin.get(path(cases.get(1), "promises")).json().get(0), promise -> promise.get("status").asString()
            .equals("BROKEN"), "the promise due on Monday to be broken");
        ok(admin.post(path(cases.get(1), "close"), Map.of("outcome", "not-recovered", "note", "We did not deliver")));
    }

    // Every step after the acknowledgement; the resolution promised for that day and delivered at once.
    private static void recover(Http admin, String number, LocalDate promisedBy) {
        ok(admin.post(path(number, "listen"), Map.of("account", "The box was crushed.")));
        ok(admin.post(path(number, "apologize"), Map.of("apology", "I am sorry.")));
        ok(admin.post(path(number, "identify-cause"), Map.of("rootCause", "carrier-delay", "responsibility", "ours")));
        ok(admin.post(path(number, "explain"), Map.of("explanation", "A fault at the depot.")));
        ok(admin.post(path(number, "resolve"), Map.of("resolution", "A new vase", "promisedBy", promisedBy.toString())));
        ok(admin.post(path(number, "fulfil"), Map.of("note", "Sent")));
        ok(admin.post(path(number, "follow-up"), Map.of("satisfied", true, "satisfaction", 5)));
        // An action due the day after, still open on the sending day: overdue in the digest.
        ok(admin.post(path(number, "learn"), Map.of("lesson", "Pack vases twice.", "action", "Order double boxes for vases",
            "actionDue", promisedBy.toString())));
        ok(admin.post(path(number, "close"), Map.of("outcome", "recovered")));
    }

    private static void goodwill(Http admin, String number, String amount) {
        JsonNode remedy = ok(admin.post(path(number, "remedies"), Map.of("type", "goodwill", "amount", amount,
            "description", "For the trouble"))).json();
        assertThat(remedy.get("state").asString()).isEqualTo("APPROVED");
    }

    private static String complaint(Http admin) {
        String ref = "DG-" + UUID.randomUUID().toString().substring(0, 8);
        return ok(admin.post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", ref, "name", "Maria Lopez", "email", ref.toLowerCase() + "@example.com"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
            "message", "The box was crushed."))).json().get("number").asString();
    }

    private record Staff(long id, String email, Http http) {}

    private static Staff staff(ConfigurableApplicationContext node, Http admin, String role, String name) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@nodes.test";
        long id = ok(admin.post("/api/v1/users", Map.of("email", email, "name", name, "password", "password-of-" + role,
            "role", role))).json().get("id").asLong();
        return new Staff(id, email, Http.basic(port(node), email, "password-of-" + role));
    }

    private void moveTo(LocalDateTime at) {
        clock.advance(Duration.between(clock.instant(), at.toInstant(ZoneOffset.UTC)));
    }

    // The facts are refreshed every second on the node: ask until the summary of the week shows the history.
    private static void refreshed(Http admin, LocalDate week, Predicate<JsonNode> ready) throws InterruptedException {
        await(() -> admin.get("/api/v1/insights/summary?from=" + week + "&to=" + week.plusDays(6)).json(), ready,
            "the facts to be refreshed");
    }

    private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited for " + what + ": " + last);
            }
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }

    // The outbox sends every second: wait for the one email to this person with this subject.
    private static MimeMessage onlyMailTo(String email, String subject) throws Exception {
        MimeMessage found = awaitMailTo(email);
        assertThat(found.getSubject()).isEqualTo(subject);
        return found;
    }

    private static MimeMessage awaitMailTo(String email) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        List<MimeMessage> found = mailTo(email);
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            found = mailTo(email);
        }
        assertThat(found).as("mail to " + email).hasSize(1);
        return found.get(0);
    }

    private static List<MimeMessage> mailTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> to(message).equalsIgnoreCase(email)).toList();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // The plain-text part, as written (the HTML part carries the same words).
    private static String text(MimeMessage message) throws Exception {
        return ((MimeMultipart) message.getContent()).getBodyPart(0).getContent().toString().replace("\r\n", "\n");
    }

    private static String path(String number, String action) {
        return "/api/v1/cases/" + number + "/" + action;
    }

    // Moving the clock lets the node's time-target sweep run at the same moment as the next
    // request; a request that meets it is answered "changed meanwhile" and, as a client should,
    // is sent again once.
    private static Http.Response okRetried(java.util.function.Supplier<Http.Response> request) {
        Http.Response response = request.get();
        if (response.status() == 409 && response.body().contains("changed-meanwhile")) {
            response = request.get();
        }
        return ok(response);
    }

    private static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isLessThan(300);
        return response;
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
