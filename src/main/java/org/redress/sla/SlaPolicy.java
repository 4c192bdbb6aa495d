package org.redress.sla;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.redress.cases.Escalation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Time targets for cases that match it: a null severity, channel or tier matches any.
 * Targets count business time when the policy has a calendar, plain time otherwise. A
 * missed target escalates the case as the policy says: to a team's queue, to a person, one
 * severity level up, and to the leads' attention.
 */
@Table("sla_policies")
record SlaPolicy(@Id @Nullable Long id, String name, @Nullable Integer severity, @Nullable String channel,
                 @Nullable String tier, int acknowledgeMinutes, int resolveMinutes, int fulfilMinutes,
                 int followUpMinutes, int warnAtPercent, @Nullable Long calendarId, @Nullable Long escalationTeamId,
                 @Nullable Long escalationAssigneeId, boolean escalationNotifyLeads, boolean escalationRaiseSeverity,
                 Instant createdAt, @Version int version) {

    /** What a missed target of this policy does to the case. */
    Escalation escalation(Target missed) {
        return new Escalation(missed.label().toLowerCase(java.util.Locale.ROOT) + " target missed", escalationTeamId,
            escalationAssigneeId, escalationRaiseSeverity);
    }

    boolean matches(int caseSeverity, String caseChannel, String customerTier) {
        return (severity == null || severity == caseSeverity)
            && (channel == null || channel.equals(caseChannel))
            && (tier == null || tier.equals(customerTier));
    }

    /** How many criteria the policy names: the most specific matching policy applies. */
    int specificity() {
        return (severity == null ? 0 : 1) + (channel == null ? 0 : 1) + (tier == null ? 0 : 1);
    }

    Duration target(Target target) {
        return Duration.ofMinutes(switch (target) {
            case ACKNOWLEDGE -> acknowledgeMinutes;
            case RESOLVE -> resolveMinutes;
            case FULFIL -> fulfilMinutes;
            case FOLLOW_UP -> followUpMinutes;
        });
    }
}
