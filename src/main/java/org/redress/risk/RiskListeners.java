package org.redress.risk;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.redress.cases.CaseOpened;
import org.redress.cases.Channel;
import org.redress.signals.EventType;
import org.redress.signals.SignalReceived;
import org.redress.signals.SignalsReceived;
import org.redress.surveys.SurveyAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happens to customers into risk signals, in the transaction of what happened:
 * business events (processed once by signals), survey answers, and a customer speaking up
 * (a case opened on any channel but our own outreach).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RiskListeners {

    private static final Set<EventType> ACTIVITY = EnumSet.of(EventType.ORDER_PLACED, EventType.DELIVERED, EventType.SERVICE_VISIT);
    private static final String RECORD_ACTIVITY = """
            update customer_risk
               set activity_count = activity_count + case when last_activity_at is null or last_activity_at < ? then 1 else 0 end,
                   first_activity_at = case when first_activity_at is null or first_activity_at > ? then ? else first_activity_at end,
                   last_activity_at = case when last_activity_at is null or last_activity_at < ? then ? else last_activity_at end
            where customer_id = ?""";

    private final RiskLedger ledger;
    private final JdbcClient jdbc;
    private final RiskSettings settings;
    private final Clock clock;
    private final JdbcTemplate batch;
    private final ComplaintTimes complaintTimes;

    RiskListeners(RiskLedger ledger, JdbcClient jdbc, JdbcTemplate batch, RiskSettings settings, Clock clock,
                  ComplaintTimes complaintTimes) {
        this.batch = batch;
        this.complaintTimes = complaintTimes;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /*
     * Activity (orders, deliveries, visits) is most of what arrives: runs of it are written in
     * one batched statement. Anything else is handled where it stands, after the activity
     * before it, so each customer's signals are applied in the order they happened.
     */
    @EventListener
    void on(SignalsReceived received) {
        List<SignalReceived> activities = new ArrayList<>();
        for (SignalReceived event : received.signals()) {
            if (ACTIVITY.contains(event.type())) {
                activities.add(event);
            } else {
                recordActivities(activities);
                activities.clear();
                on(event);
            }
        }
        recordActivities(activities);
    }

    private void on(SignalReceived event) {
        String source = "event:" + event.eventId();
        String detail = detail(event);
        switch (event.type()) {
            case DELIVERY_LATE -> ledger.add(event.customerId(), RiskSignal.LATE_DELIVERY, event.occurredAt(), source,
                "Delivery late" + detail);
            case DELIVERY_FAILED -> ledger.add(event.customerId(), RiskSignal.FAILED_DELIVERY, event.occurredAt(), source,
                "Delivery failed" + detail);
            case WAIT_TIME -> {
                Double minutes = event.number("minutes");
                if (minutes == null || minutes >= settings.longWaitMinutes()) {
                    ledger.add(event.customerId(), RiskSignal.LONG_WAIT, event.occurredAt(), source,
                        minutes == null ? "Waited" + detail : "Waited " + Math.round(minutes) + " minutes" + detail);
                }
            }
            case SUPPORT_CONTACT -> contact(event, source, detail);
            case CANCELLATION -> ledger.add(event.customerId(), RiskSignal.CANCELLATION, event.occurredAt(), source,
                "Cancelled" + detail);
            case REFUND_REQUESTED -> ledger.add(event.customerId(), RiskSignal.REFUND_REQUEST, event.occurredAt(), source,
                "Asked for a refund" + detail);
            case OUTAGE -> ledger.add(event.customerId(), RiskSignal.INCIDENT, event.occurredAt(), source,
                "Affected by an outage" + detail);
            case ORDER_PLACED, DELIVERED, SERVICE_VISIT -> recordActivities(List.of(event));
        }
    }

    @EventListener
    void on(SurveyAnswered answer) {
        if (answer.low() || answer.negative()) {
            String said = (answer.score() == null ? "" : "scored " + answer.score())
                + (answer.negative() ? (answer.score() == null ? "" : ", ") + "negative comment" : "");
            ledger.add(answer.customerId(), RiskSignal.LOW_SCORE, answer.answeredAt(), "survey:" + answer.invitationId(),
                "Survey answer: " + said);
        }
    }

    @EventListener
    void on(CaseOpened opened) {
        if (opened.channel() == Channel.PROACTIVE) {
            return;
        }
        complaintTimes.complained(opened.customerId(), opened.openedAt());
    }

    // A second contact soon after the first means the first did not solve it.
    private void contact(SignalReceived event, String source, String detail) {
        ledger.lock(event.customerId(), clock.instant());
        Instant last = jdbc.sql("select last_contact_at from customer_risk where customer_id = ?").param(event.customerId())
            .query((rs, n) -> rs.getTimestamp("last_contact_at") == null ? null : rs.getTimestamp("last_contact_at").toInstant())
            .optional().orElse(null);
        jdbc.sql("""
                update customer_risk set last_contact_at = ?
                where customer_id = ? and (last_contact_at is null or last_contact_at < ?)""")
            .params(Timestamp.from(event.occurredAt()), event.customerId(), Timestamp.from(event.occurredAt())).update();
        if (last != null && Duration.between(last, event.occurredAt()).abs().compareTo(settings.repeatContactWithin()) <= 0
            && !last.equals(event.occurredAt())) {
            long days = Math.round(Duration.between(last, event.occurredAt()).abs().toMinutes() / 1440.0);
            ledger.add(event.customerId(), RiskSignal.REPEAT_CONTACT, event.occurredAt(), source,
                "Contacted us again " + (days == 0 ? "the same day" : days == 1 ? "a day later" : days + " days later") + detail);
        }
    }

    /*
     * The update locks the row itself; the risk row is made first only for a customer who
     * has none. Activity within a day of the last (an order and its delivery) counts once,
     * so a customer's usual gap is between visits, not between an order and its parcel.
     */
    private void recordActivities(List<SignalReceived> events) {
        if (events.isEmpty()) {
            return;
        }
        int[] updated = batch.batchUpdate(RECORD_ACTIVITY, events, events.size(), RiskListeners::activity)[0];
        for (int i = 0; i < events.size(); i++) {
            if (updated[i] == 0) {
                SignalReceived event = events.get(i);
                ledger.lock(event.customerId(), clock.instant());
                batch.update(RECORD_ACTIVITY, statement -> activity(statement, event));
            }
        }
    }

    private static void activity(PreparedStatement statement, SignalReceived event) throws SQLException {
        Timestamp when = Timestamp.from(event.occurredAt());
        statement.setTimestamp(1, Timestamp.from(event.occurredAt().minus(Duration.ofDays(1))));
        statement.setTimestamp(2, when);
        statement.setTimestamp(3, when);
        statement.setTimestamp(4, when);
        statement.setTimestamp(5, when);
        statement.setLong(6, event.customerId());
    }

    /** 95 min, 5 h, 2 days: how a person says how late something was. */
    static String duration(long minutes) {
        if (minutes < 120) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return Math.round(minutes / 60.0) + " h";
        }
        return Math.round(minutes / 1440.0) + " days";
    }

    private static String detail(SignalReceived event) {
        List<String> parts = new java.util.ArrayList<>();
        for (String name : List.of("orderId", "order", "reference")) {
            String value = event.text(name);
            if (value != null) {
                parts.add("order " + (value.length() > 40 ? value.substring(0, 40) + "…" : value));
                break;
            }
        }
        Double late = event.number("minutesLate");
        if (late != null) {
            parts.add(duration(Math.round(late)) + " late");
        }
        String reason = event.text("reason");
        if (reason != null) {
            parts.add(reason.length() > 80 ? reason.substring(0, 80) + "…" : reason);
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
