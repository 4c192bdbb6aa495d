package org.redress.sla;

/** The time to check back with the customer of a case has come. Published once per case and round. */
public record FollowUpDue(long caseId) {
}
