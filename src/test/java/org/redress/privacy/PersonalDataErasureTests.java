package org.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.Await;
import org.redress.CaseWalk;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import tools.jackson.databind.JsonNode;

/**
 * A customer who touched every module is erased; then every text and binary column of every
 * table, and the mailbox Redress reads, is searched for their name, email, phone and reference,
 * and nothing is found; their cases, scores and events still count, and another customer is
 * untouched. On a database of its own, so the search sees only what this test made.
 */
class PersonalDataErasureTests {

    private static final String NAME = "Petra Dahlström";
    private static final String EMAIL = "petra.dahlstrom@example.com";
    private static final String PHONE = "+46 70 123 45 67";
    private static final String REF = "CUST-PD-7731";
    private static final List<String> TRACES = List.of("Petra", "Dahlström", EMAIL, REF, PHONE, "46701234567");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

    @Test
    void onPostgres() throws Exception {
        aCustomerWhoTouchedEveryModuleLeavesNoTrace(PostgresDatabase.fresh(), true);
    }

    @Test
    void onH2() throws Exception {
        aCustomerWhoTouchedEveryModuleLeavesNoTrace("jdbc:h2:mem:erasure-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", false);
    }

    private void aCustomerWhoTouchedEveryModuleLeavesNoTrace(String url, boolean postgres) throws Exception {
        GreenMailUser care = MAIL.setUser("care@redress.local", "care", "care-secret");
        try (ConfigurableApplicationContext node = Nodes.start(url, true, "--redress.mail.imap.host=127.0.0.1",
                "--redress.mail.imap.port=" + ServerSetupTest.IMAP.getPort(), "--redress.mail.imap.ssl=false",
                "--redress.mail.imap.username=care", "--redress.mail.imap.password=care-secret",
                "--redress.insights.refresh-every=2s")) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            Http admin = Nodes.admin(node);
            Http integration = Nodes.integration(node);
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            admin.post("/api/v1/webhooks/endpoints", Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("*")));

            // A survey after a delivery, answered with a comment.
            admin.post("/api/v1/surveys", Map.of("name", "After delivery", "kind", "CSAT", "question", "How was your delivery?",
                "triggerEvents", List.of("DELIVERED"), "samplePercent", 100, "quietDays", 0));
            integration.post("/api/v1/events", Map.of("events", List.of(Map.of("eventId", "ev-delivered-1", "type", "DELIVERED",
                "customerRef", REF, "occurredAt", Instant.now().minusSeconds(120).toString(),
                "attributes", Map.of("email", EMAIL, "name", NAME, "orderId", "O-1")))));
            String surveyLink = link(jdbc, "/s/[A-Za-z0-9_-]+");
            Http.Response answered = Http.anonymous(port).postFormWithCsrf(surveyLink, surveyLink,
                Map.of("score", "5", "comment", "Lovely driver. Petra Dahlström, " + PHONE));
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);

            // A complaint, replies both ways (her reply by mail, with an attachment), a remedy, a promise and a lesson.
            String number = admin.post("/api/v1/complaints", Map.of(
                "customer", Map.of("externalRef", REF, "name", NAME, "email", EMAIL, "phone", PHONE),
                "channel", "email", "category", "delivery", "severity", 2, "subject", "Sofa torn, Petra Dahlström",
                "message", "Hello, this is Petra Dahlström. Call me on " + PHONE + ".")).json().get("number").asString();
            String c = "/api/v1/cases/" + number;
            String ours = admin.post(c + "/replies", Map.of("subject", "Your sofa, Petra",
                "text", "Dear Petra Dahlström, a fitter calls " + PHONE + " today.")).json().get("messageId").asString();
            care.deliver(mailFromHer(number, ours));
            Await.until(() -> admin.get(c + "/messages").body().contains("home all day"), "her mail to join the case");
            admin.post(c + "/remedies", Map.of("type", "refund", "amount", "30.00", "description", "For Petra Dahlström's wait"));
            walk(admin, number, "Petra Dahlström (" + EMAIL + ") says the seat is torn.");
            integration.post("/api/v1/events", Map.of("events", List.of(Map.of("eventId", "ev-late-1", "type", "DELIVERY_LATE",
                "customerRef", REF, "occurredAt", Instant.now().minusSeconds(60).toString(),
                "attributes", Map.of("orderId", "O-2", "note", "for " + NAME)))));

            // An incident she was told about and answered, which opened a case of its own.
            String incident = admin.post("/api/v1/incidents", Map.of("title", "Torn sofas", "whatHappened", "A batch was torn.",
                "plan", "Fitters repair each one.", "fixBy", LocalDate.now().plusDays(3).toString(), "category", "delivery",
                "severity", 2)).json().get("number").asString();
            admin.post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(Map.of("customerRef", REF))));
            admin.post("/api/v1/incidents/" + incident + "/notify", Map.of());
            String incidentLink = link(jdbc, "/i/[A-Za-z0-9_-]{43}");
            Http.anonymous(port).html(incidentLink);
            Http.Response affected = Http.anonymous(port).postFormWithCsrf(incidentLink, incidentLink + "/affected",
                Map.of("message", "Mine too. Petra, " + PHONE));
            assertThat(affected.status()).as(affected.body()).isIn(200, 302);
            String control = admin.post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", "CUST-OTHER-1",
                "name", "Olle Berg", "email", "olle@example.com"), "channel", "email", "category", "delivery", "severity", 3,
                "subject", "Late", "message", "Where is my lamp?")).json().get("number").asString();

            long customer = admin.get(c).json().get("customer").get("id").asLong();
            Await.until(() -> count(jdbc, "select count(*) from recovery_cases where customer_id = " + customer) == 2,
                "her reply to the incident to open a case");
            String incidentCase = jdbc.sql("select id from recovery_cases where customer_id = ? and id <> ?")
                .params(customer, admin.get(c).json().get("id").asLong()).query(Long.class).single().toString();
            String incidentNumber = admin.get("/api/v1/cases/" + incidentCase).json().get("number").asString();

            assertThat(Nodes.integration(node).post("/api/v1/customers/" + customer + "/erasure", Map.of()).status()).isEqualTo(403);
            Http.Response stillOpen = admin.post("/api/v1/customers/" + customer + "/erasure", Map.of());
            assertThat(stillOpen.status()).isEqualTo(409);
            assertThat(stillOpen.json().get("detail").asString()).contains(incidentNumber);
            assertThat(TRACES.stream().filter(trace -> !where(jdbc, postgres, trace).isEmpty()).toList())
                .as("the search finds her before the erasure").containsAll(TRACES);

            assertThat(MAIL.getManagers().getImapHostManager().getInbox(care).getMessages()).hasSize(1);
            CaseWalk.closeAsRecovered(admin, incidentNumber, LocalDate.now().plusDays(1));
            // The insights' facts of both closed cases, once their scheduled refresh has run.
            Await.until(() -> count(jdbc, "select count(*) from insight_case_facts where customer_id = " + customer
                + " and closed_at is not null") == 2, "the insights to count both her cases");
            long events = count(jdbc, "select count(*) from business_events");
            Http.Response erased = admin.post("/api/v1/customers/" + customer + "/erasure", Map.of());

            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            assertThat(erased.json().get("cases").asInt()).isEqualTo(2);
            for (String trace : TRACES) {
                assertThat(where(jdbc, postgres, trace)).as("where '" + trace + "' is still found").isEmpty();
            }
            assertThat(MAIL.getManagers().getImapHostManager().getInbox(care).getMessages())
                .as("her mail in the mailbox Redress reads").isEmpty();

            // What reports count stays: her cases, their facts, her survey score, the business events.
            assertThat(count(jdbc, "select count(*) from recovery_cases where customer_id = " + customer)).isEqualTo(2);
            assertThat(count(jdbc, "select count(*) from insight_case_facts where customer_id = " + customer
                + " and closed_at is not null")).isEqualTo(2);
            assertThat(count(jdbc, "select count(*) from business_events")).isEqualTo(events);
            assertThat(count(jdbc, "select count(*) from survey_invitations where customer_id = " + customer + " and score = 5"))
                .isEqualTo(1);
            JsonNode anonymous = admin.get("/api/v1/customers/" + customer).json();
            assertThat(anonymous.get("name").asString()).isEqualTo("[erased]");
            assertThat(anonymous.get("email").isNull()).isTrue();
            assertThat(admin.get("/api/v1/cases/" + control).json().get("customer").get("email").asString())
                .isEqualTo("olle@example.com");
            assertThat(admin.get("/api/v1/audit?subject=customer:" + customer).json().get("items").valueStream()
                .map(entry -> entry.get("action").asString()).toList()).contains("customer.erased");

            assertThat(admin.post("/api/v1/customers/" + customer + "/erasure", Map.of()).status()).isEqualTo(409);
            assertThat(admin.patch("/api/v1/customers/" + customer, Map.of("name", NAME)).status()).isEqualTo(409);
            // She writes again: a new customer, not the anonymous record.
            JsonNode again = admin.post("/api/v1/complaints", Map.of("customer", Map.of("email", EMAIL, "name", NAME),
                "channel", "email", "category", "delivery", "severity", 3, "subject", "Me again", "message", "Hello")).json();
            assertThat(admin.get("/api/v1/cases/" + again.get("number").asString()).json().get("customer").get("id").asLong())
                .isNotEqualTo(customer);
        }
    }

    /** Every table and column where the text is still found (any case), as {@code table.column}. */
    private static List<String> where(JdbcClient jdbc, boolean postgres, String trace) {
        record Column(String table, String column, String type) {}
        List<Column> columns = jdbc.sql("""
                select table_name as "table", column_name as "column", data_type as "type" from information_schema.columns
                where table_schema = current_schema()""").query(Column.class).list();
        List<String> found = new ArrayList<>();
        for (Column column : columns) {
            String type = column.type().toLowerCase(Locale.ROOT);
            String text;
            if (type.equals("bytea")) {
                text = "encode(" + column.column() + ", 'escape')";
            } else if (type.startsWith("binary")) {
                text = "utf8tostring(" + column.column() + ")";
            } else if (type.contains("char") || type.equals("text") || type.startsWith("json")) {
                text = postgres ? column.column() + "::text" : "cast(" + column.column() + " as varchar)";
            } else {
                continue;
            }
            long hits = jdbc.sql("select count(*) from " + column.table() + " where lower(" + text + ") like ?")
                .param("%" + trace.toLowerCase(Locale.ROOT) + "%").query(Long.class).single();
            if (hits > 0) {
                found.add(column.table() + "." + column.column());
            }
        }
        return found;
    }

    // Every step of the playbook with notes that name her, then closed as recovered.
    private static void walk(Http admin, String number, String account) {
        String c = "/api/v1/cases/" + number;
        admin.post(c + "/acknowledge", Map.of("message", "We are on it, Petra."));
        admin.post(c + "/listen", Map.of("account", account));
        admin.post(c + "/apologize", Map.of("apology", "I am sorry, Petra Dahlström."));
        admin.post(c + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"));
        admin.post(c + "/explain", Map.of("explanation", "A fault at the depot."));
        admin.post(c + "/resolve", Map.of("resolution", "A fitter visits Petra Dahlström at " + PHONE,
            "promisedBy", LocalDate.now().plusDays(1).toString()));
        admin.post(c + "/fulfil", Map.of("note", "Fitted; called 46701234567 and Petra signed."));
        admin.post(c + "/follow-up", Map.of("satisfied", true, "satisfaction", 5));
        admin.post(c + "/learn", Map.of("lesson", "Petra Dahlström's sofa shows we pack badly."));
        Http.Response closed = admin.post(c + "/close", Map.of("outcome", "recovered"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    private static MimeMessage mailFromHer(String number, String inReplyTo) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress(EMAIL, NAME));
        message.setRecipients(Message.RecipientType.TO, "care@redress.local");
        message.setSubject("Re: " + number);
        message.setHeader("In-Reply-To", inReplyTo);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Thank you, I am home all day. Petra");
        MimeBodyPart photo = new MimeBodyPart();
        photo.setDataHandler(new DataHandler(new ByteArrayDataSource(("Receipt for " + NAME + ", " + PHONE).getBytes(
            java.nio.charset.StandardCharsets.UTF_8), "text/plain")));
        photo.setFileName("receipt-petra.txt");
        message.setContent(new MimeMultipart(text, photo));
        message.saveChanges();
        return message;
    }

    // The link in the last message queued for her that has one.
    private static String link(JdbcClient jdbc, String pattern) throws InterruptedException {
        Pattern link = Pattern.compile(pattern);
        String[] found = new String[1];
        Await.until(() -> jdbc.sql("select body_text from outbox where recipient = ? order by id desc").param(EMAIL).query(String.class)
            .list().stream().map(link::matcher).filter(Matcher::find).findFirst().map(m -> found[0] = m.group()).isPresent(),
            "a message with a link " + pattern);
        return found[0];
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
