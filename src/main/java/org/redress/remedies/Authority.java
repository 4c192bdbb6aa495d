package org.redress.remedies;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a grant fits a person's authority: what is already granted on the case, and by
 * them this month, plus this grant, must stay within both limits. Splitting one remedy
 * into several changes nothing, since the totals count everything granted.
 */
record Authority(Money perCase, Money perMonth) {

    /** The outcome: within authority, or the reasons it is not. */
    record Verdict(boolean within, List<String> exceeded) {}

    Verdict check(Money grant, Money grantedOnCase, Money grantedThisMonth) {
        List<String> exceeded = new ArrayList<>();
        if (grantedOnCase.plus(grant).compareTo(perCase) > 0) {
            exceeded.add("the case total would be " + grantedOnCase.plus(grant) + ", above the limit of " + perCase + " per case");
        }
        if (grantedThisMonth.plus(grant).compareTo(perMonth) > 0) {
            exceeded.add("this month's total would be " + grantedThisMonth.plus(grant) + ", above the limit of " + perMonth
                + " per month");
        }
        return new Verdict(exceeded.isEmpty(), exceeded);
    }

    /** Each limit the higher of the two: a raise counts where it is above the matrix, never below it. */
    Authority higher(Authority other) {
        return new Authority(perCase.compareTo(other.perCase) >= 0 ? perCase : other.perCase,
            perMonth.compareTo(other.perMonth) >= 0 ? perMonth : other.perMonth);
    }

    /** What is left to grant on this case this month. */
    Money remaining(Money grantedOnCase, Money grantedThisMonth) {
        Money caseLeft = perCase.minus(grantedOnCase);
        Money monthLeft = perMonth.minus(grantedThisMonth);
        Money left = caseLeft.compareTo(monthLeft) < 0 ? caseLeft : monthLeft;
        return left.isPositive() ? left : Money.zero(perCase.currency());
    }
}
