package org.redress.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.redress.platform.ChangeNotices;
import org.redress.platform.KeptInMemory;
import org.springframework.stereotype.Component;

/**
 * Who a request is, kept between requests: the user behind each API token, and each console
 * person as they are now. Without it every API call began with a transaction of its own to
 * read the token, and every console page with a read of its person: rows that change a few
 * times a year, read thousands of times a second.
 * <p>
 * It is right only because every change to users and tokens empties it ({@link IdentityChanges},
 * through {@link ChangeNotices}): on this node when the changing transaction ends, so a
 * revocation is answered only once the token is refused here; on the other nodes as that
 * transaction commits (milliseconds). While this node cannot hear the others (starting, or
 * its listening connection lost) it keeps nothing and asks the database every time. An
 * unknown token is looked up again on each try.
 */
@Component
class SignedInCache implements ChangeNotices.Kept {

    /** A token found valid, and when its use was last recorded (recorded at most once a minute). */
    record KnownToken(long tokenId, RedressUser user, AtomicReference<Instant> lastUsedAt) {}

    private final KeptInMemory<String, KnownToken> tokens = new KeptInMemory<>();
    private final KeptInMemory<Long, RedressUser> people = new KeptInMemory<>();

    Optional<KnownToken> token(String tokenHash, Supplier<Optional<KnownToken>> load) {
        return tokens.get(tokenHash, load);
    }

    Optional<RedressUser> person(long userId, Supplier<Optional<RedressUser>> load) {
        return people.get(userId, load);
    }

    @Override
    public void changed() {
        tokens.changed();
        people.changed();
    }

    @Override
    public void trust(boolean changesReachUs) {
        tokens.trust(changesReachUs);
        people.trust(changesReachUs);
    }
}
