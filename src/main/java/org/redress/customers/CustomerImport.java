package org.redress.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognises many customers at once (an incident's list of 100,000 affected customers),
 * set-based: known ones are looked up a thousand at a time, new ones inserted a thousand
 * per statement. The rules are those of {@link CustomerManagement#identify}: the reference
 * decides when it is known, the email otherwise; a reference and an email that belong to
 * two different customers are a conflict. Unlike {@code identify}, known customers are not
 * updated from the list (a list of names is no reason to change a customer) and not locked.
 */
@Service
public class CustomerImport {

    private static final int CHUNK = 1_000;

    /**
     * Per entry, in order: the customer's id, or null where the entry conflicts with stored
     * customers or with another entry ({@link #conflicts}, by position). Nothing is written
     * when there is a conflict.
     */
    public record Recognised(List<@Nullable Long> ids, Map<Integer, String> conflicts, int created) {}

    private record Known(long id, @Nullable String externalRef, @Nullable String email) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CustomerSettings settings;
    private final Clock clock;

    CustomerImport(JdbcClient jdbc, AuditTrail audit, CustomerSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Identifies every entry (validated by {@link CustomerManagement#validated}), creating the new ones. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recognised identifyAll(List<CustomerDetails> entries, Actor actor) {
        Map<String, Known> byRef = lookUp("external_ref", entries.stream().map(CustomerDetails::externalRef).toList(), Known::externalRef);
        Map<String, Known> byEmail = lookUp("email", entries.stream().map(CustomerDetails::email).toList(), Known::email);
        List<@Nullable Long> ids = new ArrayList<>(entries.size());
        Map<Integer, String> conflicts = new LinkedHashMap<>();
        // New customers, once each, by reference or else email; the position of the entry that introduced them.
        Map<String, Integer> newByRef = new HashMap<>();
        Map<String, Integer> newByEmail = new HashMap<>();
        List<CustomerDetails> fresh = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CustomerDetails entry = entries.get(i);
            Known ref = entry.externalRef() == null ? null : byRef.get(entry.externalRef());
            Known mail = entry.email() == null ? null : byEmail.get(entry.email());
            if (ref != null && mail != null && ref.id() != mail.id()) {
                conflicts.put(i, "the email " + entry.email() + " belongs to another customer than the reference " + entry.externalRef());
            } else if (ref == null && mail != null && entry.externalRef() != null && mail.externalRef() != null) {
                conflicts.put(i, "the email " + entry.email() + " belongs to the customer with reference " + mail.externalRef());
            } else if (ref != null || mail != null) {
                ids.add(ref != null ? ref.id() : mail.id());
                continue;
            } else {
                Integer sameRef = entry.externalRef() == null ? null : newByRef.get(entry.externalRef());
                Integer sameEmail = entry.email() == null ? null : newByEmail.get(entry.email());
                if (sameRef != null && sameEmail != null && !sameRef.equals(sameEmail)
                        || sameRef == null && sameEmail != null && entry.externalRef() != null
                           && entries.get(sameEmail).externalRef() != null) {
                    conflicts.put(i, "the email " + entry.email() + " is given with another reference earlier in the list");
                } else if (sameRef == null && sameEmail == null) {
                    if (entry.externalRef() != null) {
                        newByRef.put(entry.externalRef(), i);
                    }
                    if (entry.email() != null) {
                        newByEmail.put(entry.email(), i);
                    }
                    fresh.add(entry);
                }
            }
            ids.add(null);
        }
        if (!conflicts.isEmpty()) {
            return new Recognised(ids, conflicts, 0);
        }
        int created = insert(fresh);
        if (created > 0) {
            audit.record(actor, "customers.imported", "customers", created + " new customers from a list");
        }
        // Read back what was inserted (or inserted meanwhile by someone else), then fill the gaps.
        Map<String, Known> newRefs = lookUp("external_ref", new ArrayList<>(newByRef.keySet()), Known::externalRef);
        Map<String, Known> newEmails = lookUp("email", new ArrayList<>(newByEmail.keySet()), Known::email);
        for (int i = 0; i < entries.size(); i++) {
            if (ids.get(i) == null) {
                CustomerDetails entry = entries.get(i);
                Known known = entry.externalRef() != null ? newRefs.get(entry.externalRef()) : newEmails.get(entry.email());
                if (known == null) {
                    throw new IllegalStateException("A customer inserted a moment ago is not there: " + entry);
                }
                ids.set(i, known.id());
            }
        }
        return new Recognised(ids, conflicts, created);
    }

    private Map<String, Known> lookUp(String column, List<@Nullable String> keys, Function<Known, @Nullable String> key) {
        List<String> present = keys.stream().filter(k -> k != null).distinct().map(k -> (String) k).toList();
        Map<String, Known> found = new HashMap<>();
        for (int from = 0; from < present.size(); from += CHUNK) {
            List<String> chunk = present.subList(from, Math.min(present.size(), from + CHUNK));
            jdbc.sql("select id, external_ref, email from customers where " + column + " in (:keys)")
                .param("keys", chunk).query(Known.class).list()
                .forEach(known -> found.put(key.apply(known), known));
        }
        return found;
    }

    // Many rows per statement; a customer created meanwhile by intake is skipped and read back.
    private int insert(List<CustomerDetails> fresh) {
        Timestamp now = Timestamp.from(clock.instant());
        String tier = settings.tiers().get(0);
        int inserted = 0;
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            List<CustomerDetails> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder(
                "insert into customers (external_ref, email, name, tier, created_at, updated_at, version) values ");
            List<Object> params = new ArrayList<>(chunk.size() * 6);
            for (int i = 0; i < chunk.size(); i++) {
                CustomerDetails entry = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 1)");
                params.add(entry.externalRef());
                params.add(entry.email());
                params.add(entry.name());
                params.add(tier);
                params.add(now);
                params.add(now);
            }
            inserted += jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
        }
        return inserted;
    }
}
