package org.redress.sla;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A person's saved queue views: a name for a queue with its filters and order, kept as the
 * URL's parameters, so opening one is following a link. Each person sees only their own.
 */
@Service
@Transactional
public class SavedViews {

    static final int MAX_VIEWS = 20;

    @Schema(name = "SavedView", description = "A saved queue view.")
    public record View(@Schema(description = "Identifier.") long id, @Schema(description = "Its name.") String name,
                       @Schema(description = "The queue's URL parameters, e.g. queue=open&severity=1&missed=true.") String query) {

        /** The queue this view opens, as parsed from its parameters. */
        public QueueQuery parsed() {
            return QueueQuery.from(parse(query), QueueQuery.View.OPEN);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<View> of(RedressUser me) {
        return jdbc.sql("select id, name, query from queue_views where user_id = ? order by name")
            .param(me.id()).query((rs, n) -> new View(rs.getLong("id"), rs.getString("name"), rs.getString("query"))).list();
    }

    /** Saves the queue's parameters under a name of the person's own; filters that are not valid are refused, naming them. */
    public View save(RedressUser me, @Nullable String name, @Nullable String query) {
        String title = Text.required("name", name, 60).trim();
        QueueQuery parsed = QueueQuery.from(parse(Text.required("query", query, 1000)), QueueQuery.View.OPEN).onPage(1);
        String normalised = parsed.parameters().entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        if (jdbc.sql("select count(*) from queue_views where user_id = ?").param(me.id()).query(Long.class).single() >= MAX_VIEWS) {
            throw new Conflict("You have " + MAX_VIEWS + " saved views, the most there can be; delete one first.");
        }
        if (jdbc.sql("select count(*) from queue_views where user_id = ? and name = ?").params(me.id(), title)
                .query(Long.class).single() > 0) {
            throw new Conflict("You already have a view named '" + title + "'.");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into queue_views (user_id, name, query, created_at) values (?, ?, ?, ?)")
            .params(me.id(), title, normalised, Timestamp.from(clock.instant())).update(keys, "id");
        return new View(keys.getKeyAs(Number.class).longValue(), title, normalised);
    }

    /** Deletes one of the person's own views; another person's is "not found", as if it did not exist. */
    public void delete(RedressUser me, long id) {
        if (jdbc.sql("delete from queue_views where id = ? and user_id = ?").params(id, me.id()).update() == 0) {
            throw new NotFound("You have no saved view " + id + ".");
        }
    }

    static Map<String, String> parse(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.replaceFirst("^.*\\?", "").split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw InvalidInput.field("query", "'" + pair + "' is not a parameter (name=value)");
            }
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
