package org.redress.remedies;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What one person may still grant of one remedy type on one case: their limits (none when
 * they have no authority for the type) and what already counts against them. A remedy
 * decides with it whether its proposer may grant it and whether an approver may approve it.
 */
record Entitlement(String typeLabel, @Nullable Authority limits, Money grantedOnCase, Money grantedThisMonth) {

    Authority.Verdict verdictFor(Money amount) {
        if (limits == null) {
            return new Authority.Verdict(false, List.of("you have no authority for " + typeLabel.toLowerCase(Locale.ROOT)));
        }
        return limits.check(amount, grantedOnCase, grantedThisMonth);
    }
}
