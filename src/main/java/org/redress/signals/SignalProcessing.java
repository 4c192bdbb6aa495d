package org.redress.signals;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerManagement;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes stored business events once: a batch is claimed with {@code skip locked}, each
 * event's customer is found (or created from the event's {@code email} and {@code name}
 * attributes), the batch is published to the listeners as {@link SignalsReceived} in the
 * same transaction, and the events are marked processed. Taking events stays fast; the work they
 * cause happens here, on whichever node runs the sweep.
 */
@Component
class SignalProcessing {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SignalProcessing.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

    private record Pending(long id, String eventId, EventType type, String customerRef, java.time.Instant occurredAt,
                           Map<String, Object> attributes) {}

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final TransactionTemplate inSavepoint;
    private final Clock clock;

    SignalProcessing(JdbcClient jdbc, CustomerManagement customers, ApplicationEventPublisher publisher,
                     PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
        this.inSavepoint = new TransactionTemplate(transactions);
        this.inSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Processes batches until none is left or the time is up; returns the number processed. */
    int processDue(long maxMillis) {
        long until = System.currentTimeMillis() + maxMillis;
        int total = 0;
        int done;
        do {
            done = transaction.execute(status -> processBatch());
            total += done;
        } while (done == BATCH && System.currentTimeMillis() < until);
        return total;
    }

    private int processBatch() {
        List<Pending> batch = jdbc.sql("""
                select id, event_id, type, customer_ref, occurred_at, attributes from business_events
                where processed_at is null order by id limit ? for update skip locked""")
            .param(BATCH)
            .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("event_id"), EventType.valueOf(rs.getString("type")),
                rs.getString("customer_ref"), rs.getTimestamp("occurred_at").toInstant(), attributes(rs.getString("attributes"))))
            .list();
        Map<String, Long> known = knownCustomers(batch);
        if (!batch.isEmpty()) {
            if (!processTogether(batch, known)) {
                for (Pending event : batch) {
                    processAlone(event, known);
                }
            }
            jdbc.sql("update business_events set processed_at = :at where id in (:ids)")
                .param("at", Timestamp.from(clock.instant())).param("ids", batch.stream().map(Pending::id).toList())
                .update();
        }
        return batch.size();
    }

    /*
     * The whole batch in one savepoint and one publication, so that listeners can act on
     * many events in one statement. Almost every batch goes through; one whose processing
     * fails (a listener fails on an event's data) is rolled back to the savepoint and taken
     * apart. A passing failure (a deadlock, a lock timeout) is not the events' fault: the
     * whole transaction is rolled back and the batch taken again at the next sweep.
     */
    private boolean processTogether(List<Pending> batch, Map<String, Long> known) {
        Map<String, Long> knownBefore = new java.util.HashMap<>(known);
        try {
            inSavepoint.executeWithoutResult(status -> {
                List<SignalReceived> signals = new java.util.ArrayList<>(batch.size());
                for (Pending event : batch) {
                    long customerId = customerOf(event, known);
                    known.put(event.customerRef(), customerId);
                    signals.add(signal(event, customerId));
                }
                publisher.publishEvent(new SignalsReceived(signals));
            });
            return true;
        } catch (TransientDataAccessException passing) {
            throw passing;
        } catch (RuntimeException e) {
            // The customers made in the rolled-back savepoint no longer exist.
            known.clear();
            known.putAll(knownBefore);
            log.debug("A batch of business events failed together ({}); processing them one by one", e.toString());
            return false;
        }
    }

    /*
     * Each event in a savepoint of its own: an event that cannot be processed is rolled back
     * alone, marked with the reason, and never blocks the events after it.
     */
    private void processAlone(Pending event, Map<String, Long> known) {
        try {
            long customerId = inSavepoint.execute(status -> {
                long id = customerOf(event, known);
                publisher.publishEvent(new SignalsReceived(List.of(signal(event, id))));
                return id;
            });
            // Remembered only once the savepoint holds: a rolled-back event's new customer does not exist.
            known.put(event.customerRef(), customerId);
        } catch (TransientDataAccessException passing) {
            throw passing;
        } catch (RuntimeException e) {
            log.warn("Business event {} could not be processed: {}", event.eventId(), e.toString());
            jdbc.sql("update business_events set process_error = ? where id = ?")
                .params(clip(String.valueOf(e.getMessage())), event.id()).update();
        }
    }

    private static SignalReceived signal(Pending event, long customerId) {
        return new SignalReceived(event.id(), event.eventId(), event.type(), customerId, event.customerRef(),
            event.occurredAt(), event.attributes());
    }

    /*
     * Most events are about customers Redress already knows, and tell nothing new about
     * them: those are found in one query for the batch. An event for a new customer, or
     * one carrying an email or name, goes through identify (which creates or learns).
     */
    private long customerOf(Pending event, Map<String, Long> known) {
        Long id = known.get(event.customerRef());
        if (id != null && event.attributes().get("email") == null && event.attributes().get("name") == null) {
            return id;
        }
        return identify(event);
    }

    private Map<String, Long> knownCustomers(List<Pending> batch) {
        Map<String, Long> known = new java.util.HashMap<>();
        if (batch.isEmpty()) {
            return known;
        }
        jdbc.sql("select id, external_ref from customers where external_ref in (:refs)")
            .param("refs", batch.stream().map(Pending::customerRef).distinct().toList())
            .query((rs, n) -> known.put(rs.getString("external_ref"), rs.getLong("id"))).list();
        return known;
    }

    private long identify(Pending event) {
        if (event.attributes().get("email") == null) {
            // Without an email there is nothing to conflict on: no savepoint needed.
            return customers.identify(details(event), Actor.SYSTEM).customer().id();
        }
        try {
            return inSavepoint.execute(status -> customers.identify(details(event), Actor.SYSTEM).customer().id());
        } catch (Conflict emailOfAnotherCustomer) {
            // The reference decides; the event's email is left out.
            return customers.identify(CustomerDetails.of(event.customerRef(), null, null, null), Actor.SYSTEM).customer().id();
        }
    }

    // The event may tell us who the customer is; a malformed address is left out rather than failing the batch.
    private static CustomerDetails details(Pending event) {
        String email = stringOrNull(event.attributes().get("email"));
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            log.debug("Event {} carries a malformed email; ignored", event.eventId());
            email = null;
        }
        String name = stringOrNull(event.attributes().get("name"));
        return CustomerDetails.of(event.customerRef(), name != null && name.length() <= 200 ? name : null,
            email == null ? null : email.toLowerCase(java.util.Locale.ROOT), null);
    }

    private static @Nullable String stringOrNull(@Nullable Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static Map<String, Object> attributes(@Nullable String json) {
        return json == null ? Map.of() : JSON.readValue(json, ATTRIBUTES);
    }
}
