package org.redress.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The risk module's background work, each batch in its own transaction and claimed with
 * {@code skip locked}: adding queued signals (incident exposure), and finding customers
 * whose activity stopped (at least a few orders, then a gap well beyond their usual one).
 */
@Component
class RiskSweep {

    static final int BATCH = 200;
    static final int PENDING_BATCH = 1_000;

    private record Pending(long id, long customerId, RiskSignal kind, Instant at, String source, String reason) {}

    private record Activity(long customerId, Instant first, Instant last, int count) {}

    private final JdbcClient jdbc;
    private final RiskLedger ledger;
    private final RiskSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RiskSweep(JdbcClient jdbc, RiskLedger ledger, RiskSettings settings, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Adds queued signals until none is left or the time is up. */
    int addPending(long maxMillis) {
        long until = System.currentTimeMillis() + maxMillis;
        int total = 0;
        int done;
        do {
            done = transaction.execute(status -> {
                List<Pending> batch = jdbc.sql("""
                        select id, customer_id, kind, occurred_at, source, reason from risk_pending
                        order by id limit ? for update skip locked""")
                    .param(PENDING_BATCH)
                    .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("customer_id"), RiskSignal.valueOf(rs.getString("kind")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("source"), rs.getString("reason")))
                    .list();
                // The customers of one incident share kind, source, time and reason: added together.
                record Signal(RiskSignal kind, Instant at, String source, String reason) {}
                Map<Signal, List<Long>> bySignal = new LinkedHashMap<>();
                batch.forEach(p -> bySignal.computeIfAbsent(new Signal(p.kind(), p.at(), p.source(), p.reason()),
                    k -> new ArrayList<>()).add(p.customerId()));
                bySignal.forEach((signal, customers) -> ledger.addAll(customers, signal.kind(), signal.at(), signal.source(),
                    signal.reason()));
                if (!batch.isEmpty()) {
                    jdbc.sql("delete from risk_pending where id in (:ids)").param("ids", batch.stream().map(Pending::id).toList())
                        .update();
                }
                return batch.size();
            });
            total += done;
        } while (done == PENDING_BATCH && System.currentTimeMillis() < until);
        return total;
    }

    /**
     * Flags customers whose activity stopped: at least the minimum number of orders or
     * visits, and no activity for longer than both the minimum gap and their usual gap
     * times the factor. Once per quiet spell (until they are active again).
     */
    int findFallingActivity() {
        Instant now = clock.instant();
        long after = 0;
        int flagged = 0;
        List<Activity> batch;
        do {
            long from = after;
            batch = jdbc.sql("""
                    select customer_id, first_activity_at, last_activity_at, activity_count from customer_risk
                    where customer_id > ? and activity_count >= ? and last_activity_at < ?
                      and (falling_flagged_at is null or falling_flagged_at < last_activity_at)
                    order by customer_id limit ?""")
                .params(from, settings.fallingActivityMinEvents(), Timestamp.from(now.minus(settings.fallingActivityMinGap())), BATCH)
                .query((rs, n) -> new Activity(rs.getLong("customer_id"), rs.getTimestamp("first_activity_at").toInstant(),
                    rs.getTimestamp("last_activity_at").toInstant(), rs.getInt("activity_count")))
                .list();
            for (Activity activity : batch) {
                if (isFalling(activity, now)) {
                    flagged += transaction.execute(status -> flag(activity, now));
                }
                after = activity.customerId();
            }
        } while (batch.size() == BATCH);
        return flagged;
    }

    boolean isFalling(Activity activity, Instant now) {
        Duration usual = Duration.between(activity.first(), activity.last()).dividedBy(Math.max(1, activity.count() - 1));
        Duration quiet = Duration.between(activity.last(), now);
        double factor = settings.fallingActivityFactor();
        return quiet.compareTo(settings.fallingActivityMinGap()) >= 0 && quiet.toMillis() > usual.toMillis() * factor;
    }

    private int flag(Activity activity, Instant now) {
        // Re-checked under the lock: an order may have arrived since the query.
        ledger.lock(activity.customerId(), now);
        int still = jdbc.sql("""
                update customer_risk set falling_flagged_at = ?
                where customer_id = ? and last_activity_at = ? and (falling_flagged_at is null or falling_flagged_at < last_activity_at)""")
            .params(Timestamp.from(now), activity.customerId(), Timestamp.from(activity.last())).update();
        if (still == 0) {
            return 0;
        }
        long days = Duration.between(activity.last(), now).toDays();
        long usualDays = Duration.between(activity.first(), activity.last()).dividedBy(Math.max(1, activity.count() - 1)).toDays();
        ledger.add(activity.customerId(), RiskSignal.FALLING_ACTIVITY, now, "falling:" + activity.last().toEpochMilli(),
            "No order or visit for " + days + " days (usually every " + Math.max(1, usualDays) + " days, " + activity.count()
                + " before)");
        return 1;
    }
}
