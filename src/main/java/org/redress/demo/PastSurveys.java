package org.redress.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The surveys of the past, on the installation's two example surveys (as the surveys module
 * keeps invitations): the recovery survey an agent sent after delivering a resolution, and
 * its answer; and, before some customers complained, their answer to the survey after a
 * delivery (with the delivery's business event), so that satisfaction before and after a
 * recovery can be set side by side for the same people.
 */
final class PastSurveys {

    private static final List<String> PRAISE = List.of("Quick, kind and fair. Thank you, %s.",
        "I did not expect you to call me back so soon. Thanks %s!", "Sorted in two days, and an apology that meant it.",
        "You listened. That made the difference.", "Better than I hoped for.");
    private static final List<String> COMPLAINT = List.of("Still not what I paid for.", "Too little, too late.",
        "I had to chase you every time.");

    private final JdbcClient jdbc;
    private final PastTimeline timeline;
    private final Random random;

    PastSurveys(JdbcClient jdbc, PastTimeline timeline, Random random) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.random = random;
    }

    void write(List<PastCase> cases, List<PastCustomer> customers) {
        Long recovery = survey("RECOVERY");
        Long afterEvents = survey("AFTER_EVENTS");
        if (recovery == null || afterEvents == null) {
            return;
        }
        String question = jdbc.sql("select question from surveys where id = ?").param(recovery).query(String.class).single();
        Rows invitations = new Rows(jdbc, "survey_invitations", "survey_id, customer_id, case_id, trigger_key, token_hash, "
            + "sent_to, sent_at, expires_at, answered_at, score, comment, negative");
        Rows deliveries = new Rows(jdbc, "business_events",
            "event_id, type, customer_ref, occurred_at, attributes, received_at, processed_at");
        for (PastCase c : cases) {
            if (c.surveySentAt == null) {
                continue;
            }
            String comment = c.surveyAnsweredAt == null || random.nextDouble() < 0.4 ? null : c.recovered()
                ? String.format(PRAISE.get(random.nextInt(PRAISE.size())), c.agent.name().split(" ")[0])
                : COMPLAINT.get(random.nextInt(COMPLAINT.size()));
            invitations.add(recovery, c.customer.id, c.id, "agent:" + c.id + ":" + c.surveySentAt.toEpochMilli(), token(),
                c.customer.email, c.surveySentAt, c.surveySentAt.plus(Duration.ofDays(30)), c.surveyAnsweredAt, c.surveyScore,
                comment, c.surveyAnsweredAt == null ? null : !c.recovered());
            timeline.add(c, c.surveySentAt, null, "survey.sent", "Recovery survey sent to the customer: \"" + question + "\"");
        }
        // A third of the customers had answered the survey after a delivery before they first complained.
        for (PastCustomer customer : customers) {
            Instant firstComplaint = cases.stream().filter(c -> c.customer == customer).map(c -> c.openedAt).findFirst().orElseThrow();
            if (random.nextDouble() >= 0.35) {
                continue;
            }
            Instant delivered = firstComplaint.minus(Duration.ofHours(24 * 5 + random.nextInt(24 * 40)));
            String eventId = "demo-delivered-" + customer.ref;
            deliveries.add(eventId, "DELIVERED", customer.ref, delivered, "{\"orderId\": \"" + (60_000 + customer.id) + "\"}",
                delivered.plusSeconds(5), delivered.plusSeconds(30));
            Instant sent = delivered.plus(Duration.ofHours(2));
            Instant answered = sent.plus(Duration.ofMinutes(60 + random.nextInt(60 * 48)));
            int score = new int[] {2, 3, 3, 4, 4, 4, 4, 5}[random.nextInt(8)];
            invitations.add(afterEvents, customer.id, null, "event:" + eventId, token(), customer.email, sent,
                sent.plus(Duration.ofDays(30)), answered.isBefore(firstComplaint) ? answered : null,
                answered.isBefore(firstComplaint) ? score : null, null, answered.isBefore(firstComplaint) ? Boolean.FALSE : null);
        }
        invitations.write();
        deliveries.write();
        // Each customer ever invited has their contact row: when they were last invited.
        jdbc.sql("insert into survey_contacts (customer_id, last_invited_at) select customer_id, max(sent_at)"
            + " from survey_invitations group by customer_id").update();
    }

    private @Nullable Long survey(String purpose) {
        return jdbc.sql("select id from surveys where purpose = ? and kind = 'CSAT' order by id").param(purpose).query(Long.class)
            .list().stream().findFirst().orElse(null);
    }

    // Stands for the hash of a link's token; the past links are long expired.
    private String token() {
        return String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }
}
