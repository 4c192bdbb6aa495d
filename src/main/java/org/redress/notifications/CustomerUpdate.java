package org.redress.notifications;

/**
 * A short status message for the customer of a case: what happened, in plain words.
 * {@code kind} says what it is about (e.g. {@code acknowledged}, {@code resolution-agreed},
 * {@code promise-broken}), so a channel can pick a template for it. {@code pagePath}, when
 * present, is the customer's own page (a signed link, {@code /c/…}) to link to: only ever
 * send it to the customer.
 */
public record CustomerUpdate(long caseId, String caseNumber, long customerId, String kind, String text,
                             @org.jspecify.annotations.Nullable String pagePath) {
}
