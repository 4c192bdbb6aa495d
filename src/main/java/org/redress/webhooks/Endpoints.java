package org.redress.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.platform.ChangeNotices;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.shared.Checks;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The endpoints business systems registered (admins only): where to post, which event types,
 * the signing secret. Rotating a secret keeps the old one signing too for a day, so a receiver
 * can switch over without missing a message. Every change is audited (never the secret).
 */
@Service
@Transactional
class Endpoints {

    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    @Schema(name = "WebhookEndpoint", description = "Where Redress posts the events a business system subscribed to.")
    record Endpoint(@Schema(description = "Identifier.") long id,
                    @Schema(description = "The URL posted to.") String url,
                    @Schema(description = "What it is for.") @Nullable String description,
                    @Schema(description = "Event types it receives (`*`: all).") List<String> eventTypes,
                    @Schema(description = "Whether it receives events.") boolean active,
                    @Schema(description = "The signing secret (`whsec_…`); verify with every secret a message is signed with.") String secret,
                    @Schema(description = "Until when the previous secret also signs, after a rotation.") @Nullable Instant previousSecretUntil,
                    @Schema(description = "When it was added.") Instant createdAt,
                    @Schema(description = "Who added it.") String createdBy) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ChangeNotices notices;

    Endpoints(JdbcClient jdbc, AuditTrail audit, Clock clock, ChangeNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Endpoint> list(RedressUser admin) {
        requireAdmin(admin);
        return jdbc.sql(SELECT + " order by id").query((rs, n) -> endpoint(rs)).list();
    }

    @Transactional(readOnly = true)
    Endpoint one(RedressUser admin, long id) {
        requireAdmin(admin);
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> endpoint(rs)).optional()
            .orElseThrow(() -> new NotFound("There is no webhook endpoint " + id + "."));
    }

    Endpoint create(RedressUser admin, @Nullable String url, @Nullable List<String> eventTypes, @Nullable String description) {
        requireAdmin(admin);
        Checks checks = new Checks();
        String target = checks.check(() -> url(url));
        String types = checks.check(() -> types(eventTypes));
        String about = checks.check(() -> Text.optional("description", description, 200));
        checks.verify();
        jdbc.sql("insert into webhook_endpoints (url, description, event_types, secret, active, created_at, created_by_name)"
                + " values (?, ?, ?, ?, true, ?, ?)")
            .params(target, about, types, Signing.newSecret(), Timestamp.from(clock.instant()), admin.name()).update();
        notices.announce(WebhookQueue.ENDPOINTS_CHANGED);
        long id = jdbc.sql("select max(id) from webhook_endpoints where url = ?").param(target).query(Long.class).single();
        audit.record(admin.actor(), "webhook.endpoint-added", "webhook:" + id, target + " (" + types + ")");
        return one(admin, id);
    }

    /** Stops or resumes sending to it; what is pending waits while it is stopped. */
    Endpoint setActive(RedressUser admin, long id, boolean active) {
        Endpoint endpoint = one(admin, id);
        jdbc.sql("update webhook_endpoints set active = ? where id = ?").params(active, id).update();
        notices.announce(WebhookQueue.ENDPOINTS_CHANGED);
        audit.record(admin.actor(), active ? "webhook.endpoint-resumed" : "webhook.endpoint-stopped", "webhook:" + id, endpoint.url());
        return one(admin, id);
    }

    /** A new secret; the current one goes on signing beside it for a day. */
    Endpoint rotate(RedressUser admin, long id) {
        one(admin, id);
        jdbc.sql("update webhook_endpoints set previous_secret = secret, previous_until = ?, secret = ? where id = ?")
            .params(Timestamp.from(clock.instant().plus(ROTATION_OVERLAP)), Signing.newSecret(), id).update();
        audit.record(admin.actor(), "webhook.secret-rotated", "webhook:" + id, "the previous secret signs until "
            + clock.instant().plus(ROTATION_OVERLAP));
        return one(admin, id);
    }

    static void requireAdmin(RedressUser user) {
        if (user.role() != Role.ADMIN) {
            throw new Forbidden("Only admins manage webhooks.");
        }
    }

    private static String url(@Nullable String value) {
        String given = Text.required("url", value, 2_000).trim();
        try {
            URI uri = new URI(given);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw InvalidInput.field("url", "give an http or https address, e.g. https://example.com/hooks/redress");
            }
        } catch (URISyntaxException e) {
            throw InvalidInput.field("url", "'" + given + "' is not an address");
        }
        return given;
    }

    private static String types(@Nullable List<String> given) {
        if (given == null || given.isEmpty()) {
            throw InvalidInput.field("eventTypes", "choose at least one event type, or * for all");
        }
        if (given.contains("*")) {
            return "*";
        }
        List<String> codes = new ArrayList<>();
        for (String code : given) {
            String type = EventType.of(code == null ? "" : code.trim()).map(EventType::code)
                .orElseThrow(() -> InvalidInput.field("eventTypes", "'" + code + "' is not an event type; use one of "
                    + String.join(", ", Arrays.stream(EventType.values()).map(EventType::code).toList())));
            if (!codes.contains(type)) {
                codes.add(type);
            }
        }
        return String.join(",", codes);
    }

    private static final String SELECT = "select id, url, description, event_types, active, secret, previous_until, created_at,"
        + " created_by_name from webhook_endpoints";

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        Timestamp previous = rs.getTimestamp("previous_until");
        return new Endpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
            List.of(rs.getString("event_types").split(",")), rs.getBoolean("active"), rs.getString("secret"),
            previous == null ? null : previous.toInstant(), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"));
    }
}
