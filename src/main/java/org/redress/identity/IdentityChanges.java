package org.redress.identity;

import org.redress.platform.ChangeNotices;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link SignedInCache} true to the database on every node: each change to a user or a
 * token is announced through {@link ChangeNotices}, which empties the cache here when the
 * changing transaction ends and on the other nodes as that transaction commits. Saves
 * through the {@link Users} and {@link ApiTokens} repositories are seen here by themselves;
 * a statement that changes those tables directly must call {@link #announce()}.
 */
@Component
class IdentityChanges {

    static final String TOPIC = "identity";

    private final ChangeNotices notices;

    IdentityChanges(ChangeNotices notices, SignedInCache cache) {
        this.notices = notices;
        notices.register(TOPIC, cache);
    }

    /** A user or a token changed in the current transaction (or just now, outside one). */
    void announce() {
        notices.announce(TOPIC);
    }

    @EventListener
    void saved(AfterSaveEvent<?> saved) {
        if (saved.getEntity() instanceof User || saved.getEntity() instanceof ApiToken) {
            announce();
        }
    }

    @EventListener
    void deleted(AfterDeleteEvent<?> deleted) {
        if (deleted.getType() == User.class || deleted.getType() == ApiToken.class) {
            announce();
        }
    }
}
