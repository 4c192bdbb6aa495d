package org.redress.remedies;

import java.time.Instant;
import java.util.List;

/**
 * A remedy beyond its proposer's authority waits for a decision, due at {@code dueAt}.
 * {@code approvers} are the people whose own authority covers it (the proposer's team
 * leads first, when any of them can). {@code overdue} is true when the decision is late.
 */
public record ApprovalRequested(long remedyId, long caseId, String terms, Instant dueAt, List<Long> approvers,
                                boolean overdue) {
}
