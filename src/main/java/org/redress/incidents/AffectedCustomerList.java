package org.redress.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.shared.InvalidInput;
import org.redress.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** The customers of an incident and where each of them stands, in the order they were added (keyset pages). */
@Component
@Transactional(readOnly = true)
class AffectedCustomerList {

    static final int MAX_LIMIT = 500;

    @Schema(name = "IncidentCustomer", description = "An affected customer and what has happened with them.")
    record Item(
        @Schema(description = "Identifier of this customer's place on the incident; the cursor of keyset pages.") long id,
        @Schema(description = "The customer's id in Redress.") long customerId,
        @Schema(description = "The business's customer reference.") @Nullable String customerRef,
        @Schema(description = "Email; without one the customer cannot be notified.") @Nullable String email,
        @Schema(description = "Name.") @Nullable String name,
        @Schema(description = "When they were put on the incident.") Instant addedAt,
        @Schema(description = "Where the customer was added from: list (a list sent or typed), CSV (a file) or events (a rule over business events).") String addedHow,
        @Schema(description = "When their notice was queued.") @Nullable Instant notifiedAt,
        @Schema(description = "When they first opened their incident page.") @Nullable Instant openedAt,
        @Schema(description = "When they said it affected them.") @Nullable Instant repliedAt,
        @Schema(description = "What they said.") @Nullable String reply,
        @Schema(description = "The linked case's number.") @Nullable String caseNumber,
        @Schema(description = "When the linked case closed as recovered.") @Nullable Instant recoveredAt,
        @Schema(description = "Where they stand: WAITING, NOT_REACHABLE, NOTIFIED, OPENED, REPLIED, CASE (a linked case) or RECOVERED.") String state) {

        /** The state in words, for the console. */
        public String stateLabel() {
            return label(state);
        }
    }

    @Schema(name = "IncidentCustomerPage", description = "A page of an incident's customers.")
    record Page(@Schema(description = "The customers on this page.") List<Item> items,
                @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    private record Row(long id, long customerId, @Nullable String externalRef, @Nullable String email, @Nullable String name,
                       Instant addedAt, String addedHow, @Nullable Instant handledAt, @Nullable Instant notifiedAt,
                       @Nullable Instant openedAt, @Nullable Instant repliedAt, @Nullable String reply, @Nullable Long caseId,
                       @Nullable Instant recoveredAt) {}

    private final JdbcClient jdbc;

    AffectedCustomerList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page page(long incidentId, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be from 1 to " + MAX_LIMIT);
        }
        Long after = Paging.position(cursor);
        List<Row> rows = jdbc.sql("""
                select ic.id, ic.customer_id, c.external_ref, c.email, c.name, ic.added_at, ic.added_how, ic.handled_at,
                       ic.notified_at, ic.opened_at, ic.replied_at, ic.reply, ic.case_id, ic.recovered_at
                from incident_customers ic join customers c on c.id = ic.customer_id
                where ic.incident_id = :incident and (cast(:after as bigint) is null or ic.id > :after)
                order by ic.id limit :limit""")
            .param("incident", incidentId).param("after", after).param("limit", limit + 1).query(Row.class).list();
        List<Item> items = rows.stream().limit(limit).map(AffectedCustomerList::item).toList();
        return new Page(items, rows.size() > limit ? String.valueOf(items.get(items.size() - 1).id()) : null);
    }

    private static Item item(Row row) {
        return new Item(row.id(), row.customerId(), row.externalRef(), row.email(), row.name(), row.addedAt(),
            row.addedHow(), row.notifiedAt(), row.openedAt(), row.repliedAt(), row.reply(),
            row.caseId() == null ? null : CaseNumber.format(row.caseId()), row.recoveredAt(), state(row));
    }

    private static String state(Row row) {
        if (row.recoveredAt() != null) {
            return "RECOVERED";
        }
        if (row.caseId() != null) {
            return "CASE";
        }
        if (row.repliedAt() != null) {
            return "REPLIED";
        }
        if (row.openedAt() != null) {
            return "OPENED";
        }
        if (row.notifiedAt() != null) {
            return "NOTIFIED";
        }
        return row.handledAt() != null || row.email() == null ? "NOT_REACHABLE" : "WAITING";
    }

    static String label(String state) {
        return state.charAt(0) + state.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
