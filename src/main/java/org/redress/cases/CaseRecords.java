package org.redress.cases;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.platform.SqlDialect;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The append-only parts of a case: its timeline and its messages. They are written with
 * plain inserts, never as part of the aggregate, so saving a case never rewrites them.
 */
@Component
class CaseRecords {

    private final JdbcClient jdbc;
    private final IdempotencyKeys keys;
    private final SqlDialect dialect;

    CaseRecords(JdbcClient jdbc, IdempotencyKeys keys, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.dialect = dialect;
    }

    /** The customer's first message of a case just opened. */
    record FirstMessage(Channel channel, String author, @Nullable String subject, String body) {}

    /**
     * Stores a case just opened by intake with its first timeline lines and the customer's
     * message, and links the idempotency key that opened it (null for none). Intake is the
     * hottest write of the product: Spring Data's generic insert costs several times more
     * CPU, and on PostgreSQL the four writes go in one statement (a writable common table
     * expression), one round trip instead of four. Later changes to the case go through the
     * repository as usual (hence version 1 here). {@link #insertOpenedAll} with one case would
     * do the same, and was tried in its place: complaints written alone (writers off, 16 clients)
     * made 299-376 a second against 418-472 with this statement, with 0.4-1.1 ms more of
     * PostgreSQL and 0.6-0.9 ms more of the application per complaint (docs/benchmarks.md).
     */
    RecoveryCase insertOpened(RecoveryCase opened, FirstMessage message, @Nullable String idempotencyKey) {
        List<RecoveryCase.Happening> lines = opened.drainHappenings();
        if (!dialect.postgres()) {
            insertNew(opened);
            append(opened.id(), lines);
            addMessage(opened.id(), "INBOUND", message.channel(), message.author(), message.subject(), message.body(),
                opened.openedAt());
            if (idempotencyKey != null) {
                keys.link(idempotencyKey, opened.id());
            }
            return opened;
        }
        StringBuilder sql = new StringBuilder("""
                with opened as (insert into recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
                  values (?, ?, ?, ?, ?, ?, ?, ?, 1) returning id),
                message as (insert into case_messages (case_id, direction, channel, author, subject, body, received_at)
                  select id, 'INBOUND', ?, ?, ?, ?, ? from opened)""");
        List<Object> params = new ArrayList<>(List.of(opened.customerId(), opened.channel().name(), opened.category(),
            opened.severity(), opened.subject(), opened.status().name(), Timestamp.from(opened.openedAt()),
            Timestamp.from(opened.updatedAt()), message.channel().code(), message.author()));
        params.add(message.subject() == null ? new SqlParameterValue(Types.VARCHAR, null) : message.subject());
        params.addAll(List.of(message.body(), Timestamp.from(opened.openedAt())));
        for (int i = 0; i < lines.size(); i++) {
            RecoveryCase.Happening line = lines.get(i);
            sql.append(",\nline").append(i).append(" as (insert into case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)"
                + " select id, ?, ?, ?, ?, ?, ? from opened)");
            params.add(Timestamp.from(line.at()));
            params.add(line.actor().userId() == null ? new SqlParameterValue(Types.BIGINT, null) : line.actor().userId());
            params.addAll(List.of(line.actor().name(), line.kind(), line.summary(), line.internal()));
        }
        if (idempotencyKey != null) {
            sql.append(",\nkeyed as (update intake_keys set case_id = (select id from opened) where idempotency_key = ?)");
            params.add(idempotencyKey);
        }
        long id = jdbc.sql(sql.append("\nselect id from opened").toString()).params(params).query(Long.class).single();
        opened.stored(id);
        return opened;
    }

    // Cases just opened, each for another customer, with their first message and timeline lines,
    // linked to their keys: one statement over arrays (one a column, the timeline's apart), whose
    // new rows find their case by its customer. It reads no table, so the plan the driver keeps
    // for it cannot turn into a scan as the tables grow (ADR 18): the keys, claimed earlier in the
    // transaction, are linked through their unique index (an insert that always meets its key).
    private static final String INSERT_OPENED_ALL = """
            with input as (select * from unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],
                ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as i(customer_id, channel, category, severity, subject, status, opened_at, updated_at,
                     message_channel, author, message_subject, body, idempotency_key)),
            opened as (insert into recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
              select customer_id, channel, category, severity, subject, status, opened_at, updated_at, 1 from input
              returning id, customer_id),
            message as (insert into case_messages (case_id, direction, channel, author, subject, body, received_at)
              select o.id, 'INBOUND', i.message_channel, i.author, i.message_subject, i.body, i.opened_at
              from opened o join input i using (customer_id)),
            line as (insert into case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)
              select o.id, l.occurred_at, cast(l.actor_id as bigint), l.actor_name, l.kind, l.summary, l.internal
              from opened o join unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
                as l(customer_id, occurred_at, actor_id, actor_name, kind, summary, internal) using (customer_id)),
            keyed as (insert into intake_keys (idempotency_key, fingerprint, created_at, case_id)
              select i.idempotency_key, '', i.opened_at, o.id from opened o join input i using (customer_id)
              where i.idempotency_key is not null
              on conflict (idempotency_key) do update set case_id = excluded.case_id)
            select id, customer_id from opened""";

    /**
     * Stores cases just opened by intake as {@link #insertOpened} does, all in one statement
     * (PostgreSQL: complaints written together, ADR 18). Each case is another customer's: that is
     * how the new rows find their case.
     */
    void insertOpenedAll(List<RecoveryCase> opened, List<FirstMessage> messages, List<@Nullable String> idempotencyKeys) {
        int n = opened.size();
        long[] customers = new long[n];
        String[] channels = new String[n];
        String[] categories = new String[n];
        int[] severities = new int[n];
        String[] subjects = new String[n];
        String[] statuses = new String[n];
        String[] openedAt = new String[n];
        String[] updatedAt = new String[n];
        String[] messageChannels = new String[n];
        String[] authors = new String[n];
        String[] messageSubjects = new String[n];
        String[] bodies = new String[n];
        List<RecoveryCase.Happening> lines = new ArrayList<>();
        List<Long> lineCustomers = new ArrayList<>();
        Map<Long, RecoveryCase> byCustomer = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RecoveryCase recoveryCase = opened.get(i);
            FirstMessage message = messages.get(i);
            if (byCustomer.put(recoveryCase.customerId(), recoveryCase) != null) {
                throw new IllegalArgumentException("Two of these cases are customer " + recoveryCase.customerId() + "'s");
            }
            customers[i] = recoveryCase.customerId();
            channels[i] = recoveryCase.channel().name();
            categories[i] = recoveryCase.category();
            severities[i] = recoveryCase.severity();
            subjects[i] = recoveryCase.subject();
            statuses[i] = recoveryCase.status().name();
            openedAt[i] = recoveryCase.openedAt().toString();
            updatedAt[i] = recoveryCase.updatedAt().toString();
            messageChannels[i] = message.channel().code();
            authors[i] = message.author();
            messageSubjects[i] = message.subject();
            bodies[i] = message.body();
            for (RecoveryCase.Happening line : recoveryCase.drainHappenings()) {
                lines.add(line);
                lineCustomers.add(recoveryCase.customerId());
            }
        }
        jdbc.sql(INSERT_OPENED_ALL).params(customers, channels, categories, severities, subjects, statuses, openedAt,
                updatedAt, messageChannels, authors, messageSubjects, bodies, idempotencyKeys.toArray(String[]::new),
                lineCustomers.stream().mapToLong(Long::longValue).toArray(),
                lines.stream().map(line -> line.at().toString()).toArray(String[]::new),
                lines.stream().map(line -> line.actor().userId() == null ? null : line.actor().userId().toString()).toArray(String[]::new),
                lines.stream().map(line -> line.actor().name()).toArray(String[]::new),
                lines.stream().map(RecoveryCase.Happening::kind).toArray(String[]::new),
                lines.stream().map(RecoveryCase.Happening::summary).toArray(String[]::new),
                toBooleans(lines.stream().map(RecoveryCase.Happening::internal).toList()))
            .query(rs -> {
                byCustomer.get(rs.getLong("customer_id")).stored(rs.getLong("id"));
            });
    }

    private static boolean[] toBooleans(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private void insertNew(RecoveryCase opened) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
            .params(opened.customerId(), opened.channel().name(), opened.category(), opened.severity(), opened.subject(),
                opened.status().name(), Timestamp.from(opened.openedAt()), Timestamp.from(opened.updatedAt()))
            .update(keys, "id");
        opened.stored(keys.getKeyAs(Number.class).longValue());
    }

    /** The customer's newest open case in this category, which a new complaint joins. */
    Optional<Long> openCaseOf(long customerId, String category) {
        return jdbc.sql("""
                select id from recovery_cases
                where customer_id = ? and category = ? and status <> 'CLOSED'
                order by id desc limit 1""")
            .params(customerId, category).query(Long.class).optional();
    }

    /** Marks that something happened on the case without changing its state (and its version). */
    void touch(long caseId, Instant at) {
        jdbc.sql("update recovery_cases set updated_at = ? where id = ?").params(Timestamp.from(at), caseId).update();
    }

    /**
     * Moves a merged case's messages and timeline to the case it was merged into. The lines
     * keep their time and author and say where they came from; ordered by id as before, they
     * fall in among the surviving case's own lines in the order they happened.
     */
    void moveInto(long fromCaseId, long intoCaseId) {
        jdbc.sql("update case_messages set case_id = ? where case_id = ?").params(intoCaseId, fromCaseId).update();
        jdbc.sql("update case_timeline set case_id = ?, summary = cast(? as varchar(100)) || summary where case_id = ?")
            .params(intoCaseId, "From " + CaseNumber.format(fromCaseId) + ": ", fromCaseId).update();
    }

    /** When the customer's newest message on the case came in, or null when they have written none. */
    @Nullable Instant customerLastWroteAt(long caseId) {
        return jdbc.sql("select received_at from case_messages where case_id = ? and direction = 'INBOUND'"
                + " order by received_at desc limit 1")
            .param(caseId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    void append(long caseId, List<RecoveryCase.Happening> happenings) {
        for (RecoveryCase.Happening happening : happenings) {
            jdbc.sql("""
                    insert into case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, Timestamp.from(happening.at()), happening.actor().userId(), happening.actor().name(),
                    happening.kind(), happening.summary(), happening.internal())
                .update();
        }
    }

    void addInboundMessage(long caseId, Channel channel, String author, @Nullable String subject, String body,
                           Instant at) {
        addMessage(caseId, "INBOUND", channel, author, subject, body, at);
    }

    void addMessage(long caseId, String direction, Channel channel, String author, @Nullable String subject, String body,
                    Instant at) {
        jdbc.sql("""
                insert into case_messages (case_id, direction, channel, author, subject, body, received_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(caseId, direction, channel.code(), author, subject, body, Timestamp.from(at))
            .update();
    }

    List<TimelineEntry> timeline(long caseId) {
        return jdbc.sql("""
                select id, occurred_at, actor_id, actor_name, kind, summary, internal
                from case_timeline where case_id = ? order by id""")
            .param(caseId)
            .query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("kind"),
                rs.getString("summary"), rs.getBoolean("internal")))
            .list();
    }

    List<CaseMessage> messages(long caseId) {
        return jdbc.sql("""
                select id, direction, channel, author, subject, body, received_at
                from case_messages where case_id = ? order by id""")
            .param(caseId)
            .query((rs, n) -> new CaseMessage(rs.getLong("id"), rs.getString("direction"), rs.getString("channel"),
                rs.getString("author"), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("received_at").toInstant()))
            .list();
    }
}
