package org.redress.links;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.redress.platform.PublicAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links to a customer's case page ({@code /c/…}): signed, so a link opens only its own case
 * and any change to it breaks it, and valid for {@code redress.links.validity} from the
 * moment it is issued. The case remembers the latest link issued (an offer issues one), so
 * the customer, the agent and every message name that one link while it is valid; after
 * that, a fresh one. No account is needed, so the link is the customer's credential: it is
 * only ever sent to the customer.
 */
@Service
@Transactional
public class CaseLinks {

    /** A case link: the token, the path on this site, and the full address the customer opens. */
    public record CaseLink(String token, String path, String address) {}

    private final SignedCaseTokens tokens;
    private final IssuedLinks issued;
    private final PublicAddress address;
    private final Clock clock;

    CaseLinks(SignedCaseTokens tokens, IssuedLinks issued, PublicAddress address, Clock clock) {
        this.tokens = tokens;
        this.issued = issued;
        this.address = address;
        this.clock = clock;
    }

    /** A new link to the case, from now; it is the case's link from now on (until it expires or another is issued). */
    public CaseLink issue(long caseId) {
        // Whole seconds: the moment is stored and must give back exactly the same link.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        issued.remember(caseId, now);
        return link(tokens.tokenFor(caseId, now));
    }

    /** The case's link: the latest issued while it is valid, so every message names one link; else a fresh one. */
    @Transactional(readOnly = true)
    public CaseLink linkFor(long caseId) {
        Instant now = clock.instant();
        Instant issuedAt = issued.latest(caseId).filter(at -> tokens.validUntil(at).isAfter(now)).orElse(now);
        return link(tokens.tokenFor(caseId, issuedAt));
    }

    /**
     * The case the link opens (not following a merge: that is the cases module's). An altered,
     * foreign or malformed link is a {@link BadLink} (404), a genuine one past its time too (410).
     */
    @Transactional(readOnly = true)
    public long caseOf(String token) {
        return tokens.caseOf(token);
    }

    private CaseLink link(String token) {
        String path = "/c/" + token;
        return new CaseLink(token, path, address.link(path));
    }
}
