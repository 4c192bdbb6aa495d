package org.redress.incidents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerImport;
import org.redress.customers.CustomerManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Puts customers on an incident: from a list, a CSV file or a rule over business events.
 * A customer is on an incident once; each addition adds those not on it yet, creating
 * customers not known before, and publishes {@link CustomersAffected} with them. Bad input
 * adds nothing: the refusal names every bad entry (by position or line, the first
 * {@link #MAX_PROBLEMS}).
 */
@Service
@Transactional
class AffectedCustomers {

    /** Where customers on an incident came from, as recorded with each of them. */
    static final String LIST = "list";
    static final String CSV = "CSV";
    static final String EVENTS = "events";

    static final int MAX_PROBLEMS = 100;
    static final int MAX_ENTRIES = 100_000;
    private static final int CHUNK = 1_000;

    @Schema(name = "AffectedCustomer", description = "A customer to put on an incident: a reference or an email, or both.")
    record Entry(@Schema(description = "The business's customer reference.", example = "CUST-88213") @Nullable String customerRef,
                 @Schema(description = "Email address; without one the customer cannot be notified.", example = "maria@example.com") @Nullable String email,
                 @Schema(description = "Name, used in the notice.", example = "Maria Lopez") @Nullable String name) {}

    @Schema(name = "CustomersAdded", description = "What an addition did.")
    record Added(@Schema(description = "Distinct customers in the request.") int received,
                 @Schema(description = "Customers put on the incident now.") int added,
                 @Schema(description = "Customers that were on it already.") int alreadyOn,
                 @Schema(description = "Customers Redress did not know before, created now.") int created) {}

    /** One entry to recognise, and how to name it in a refusal ("customers[3]", "line 7"). */
    record Labelled(String label, CustomerDetails details) {}

    private final JdbcClient jdbc;
    private final IncidentDesk desk;
    private final CustomerManagement customers;
    private final CustomerImport customerImport;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AffectedCustomers(JdbcClient jdbc, IncidentDesk desk, CustomerManagement customers, CustomerImport customerImport,
                      AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.customers = customers;
        this.customerImport = customerImport;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Added addList(RedressUser me, long incidentId, @Nullable List<Entry> entries) {
        IncidentDesk.requireSupervisor(me, "put customers on incidents");
        if (entries == null || entries.isEmpty()) {
            throw InvalidInput.field("customers", "is required: a list of customers with a customerRef or an email");
        }
        List<InvalidInput.FieldError> problems = new ArrayList<>();
        List<Labelled> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String label = "customers[" + i + "]";
            check(label, entry == null ? null : CustomerDetails.of(entry.customerRef(), entry.name(), entry.email(), null),
                problems, checked);
        }
        return add(me, incidentId, checked, problems, LIST, false);
    }

    Added addCsv(RedressUser me, long incidentId, @Nullable String csv) {
        return addLines(me, incidentId, csv, CSV);
    }

    /**
     * Adds customers from lines of {@code customerRef,email,name} under that header: an
     * uploaded file ({@link #CSV}) or a list typed or pasted in the console ({@link #LIST}),
     * recorded as such.
     */
    Added addLines(RedressUser me, long incidentId, @Nullable String csv, String source) {
        IncidentDesk.requireSupervisor(me, "put customers on incidents");
        if (csv == null || csv.isBlank()) {
            throw InvalidInput.field("file", "is empty; send CSV with the header customerRef,email,name");
        }
        CustomerCsv.Parsed parsed = CustomerCsv.parse(csv);
        List<InvalidInput.FieldError> problems = new ArrayList<>();
        parsed.problems().forEach(p -> problems.add(new InvalidInput.FieldError("line " + p.line(), p.message())));
        List<Labelled> checked = new ArrayList<>();
        for (CustomerCsv.Row row : parsed.rows()) {
            check("line " + row.line(), CustomerDetails.of(row.customerRef(), row.name(), row.email(), null), problems, checked);
        }
        problems.sort(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.field().substring(5))));
        return add(me, incidentId, checked, problems, source, false);
    }

    /** Adds customers found by a rule over business events; entries without a usable email are added by reference alone. */
    Added addFound(RedressUser me, long incidentId, List<CustomerDetails> found) {
        String how = EVENTS;
        List<Labelled> checked = new ArrayList<>();
        for (CustomerDetails details : found) {
            CustomerDetails usable;
            try {
                usable = customers.validated(details);
            } catch (InvalidInput badEmail) {
                usable = customers.validated(CustomerDetails.of(details.externalRef(), null, null, null));
            }
            checked.add(new Labelled(String.valueOf(details.externalRef()), usable));
        }
        return add(me, incidentId, checked, new ArrayList<>(), how, true);
    }

    private void check(String label, @Nullable CustomerDetails details, List<InvalidInput.FieldError> problems,
                       List<Labelled> checked) {
        try {
            checked.add(new Labelled(label, customers.validated(details)));
        } catch (InvalidInput invalid) {
            String message = invalid.errors().isEmpty() ? String.valueOf(invalid.getMessage())
                : String.join("; ", invalid.errors().stream().map(e -> e.field().replace("customer.", "") + " " + e.message()).toList());
            problems.add(new InvalidInput.FieldError(label, message.replace("customer needs", "needs").replace("externalRef", "customerRef")));
        }
    }

    /**
     * With {@code lenient} (customers found by a rule, not typed by a person), an email that
     * belongs to another customer is dropped and the customer recognised by reference alone.
     */
    private Added add(RedressUser me, long incidentId, List<Labelled> entries, List<InvalidInput.FieldError> problems, String how,
                      boolean lenient) {
        IncidentDesk.requireSupervisor(me, "put customers on incidents");
        if (entries.size() + problems.size() > MAX_ENTRIES) {
            throw InvalidInput.field("customers", "holds " + (entries.size() + problems.size()) + " customers; at most "
                + MAX_ENTRIES + " per addition");
        }
        refuse(problems);
        IncidentDesk.Row incident = desk.lock(incidentId);
        if (!incident.status().equals("OPEN")) {
            throw new Conflict("Incident " + IncidentView.number(incidentId) + " is closed; no customers can be added.");
        }
        List<CustomerDetails> details = entries.stream().map(Labelled::details).toList();
        CustomerImport.Recognised recognised = customerImport.identifyAll(details, me.actor());
        if (lenient && !recognised.conflicts().isEmpty()) {
            List<CustomerDetails> byReference = new ArrayList<>(details);
            recognised.conflicts().keySet().forEach(i -> byReference.set(i,
                CustomerDetails.of(details.get(i).externalRef(), details.get(i).name(), null, null)));
            recognised = customerImport.identifyAll(byReference, me.actor());
        }
        if (!recognised.conflicts().isEmpty()) {
            recognised.conflicts().forEach((index, message) -> problems.add(new InvalidInput.FieldError(entries.get(index).label(), message)));
            refuse(problems);
        }
        Set<Long> ids = new LinkedHashSet<>(recognised.ids().stream().map(id -> (long) id).toList());
        List<Long> fresh = insertNew(incidentId, new ArrayList<>(ids), how, clock.instant());
        Instant now = clock.instant();
        if (!fresh.isEmpty()) {
            events.publishEvent(new CustomersAffected(incidentId, incident.title(), fresh, now));
        }
        audit.record(me.actor(), "incident.customers-added", "incident:" + IncidentView.number(incidentId),
            fresh.size() + " customers added from " + (how.equals(EVENTS) ? "business events" : how.equals(CSV) ? "a CSV file"
                : "a list") + " (" + (ids.size() - fresh.size()) + " already on it, "
                + recognised.created() + " new to Redress)");
        return new Added(ids.size(), fresh.size(), ids.size() - fresh.size(), recognised.created());
    }

    /*
     * The incident is locked, so no other addition can put the same customers on it
     * meanwhile. Rows are inserted first (on conflict do nothing): when a chunk is all new,
     * as in a fresh list, nothing needs to be read back. Only a chunk with customers
     * already on the incident is read, by this addition's time, to tell the new ones. (A
     * select before each insert was planned as a scan of the incident's rows and grew with
     * every upload.)
     */
    private List<Long> insertNew(long incidentId, List<Long> ids, String how, Instant now) {
        List<Long> fresh = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("insert into incident_customers (incident_id, customer_id, added_at, added_how) values ");
            List<Object> params = new ArrayList<>(chunk.size() * 4);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
                params.addAll(List.of(incidentId, chunk.get(i), at, how));
            }
            int inserted = jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
            if (inserted == chunk.size()) {
                fresh.addAll(chunk);
            } else if (inserted > 0) {
                Set<Long> added = new HashSet<>(jdbc.sql("""
                        select customer_id from incident_customers
                        where incident_id = :incident and customer_id in (:ids) and added_at = :at""")
                    .param("incident", incidentId).param("ids", chunk).param("at", at).query(Long.class).list());
                chunk.stream().filter(added::contains).forEach(fresh::add);
            }
        }
        return fresh;
    }

    private static void refuse(List<InvalidInput.FieldError> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<InvalidInput.FieldError> shown = problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS));
        String first = String.join("; ", shown.stream().limit(5).map(p -> p.field() + ": " + p.message()).toList());
        throw new InvalidInput(problems.size() + (problems.size() == 1 ? " entry needs" : " entries need")
            + " attention, so no customer was added: " + first + (problems.size() > 5 ? "; …" : ""), shown);
    }
}
