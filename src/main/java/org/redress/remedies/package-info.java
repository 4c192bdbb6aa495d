/**
 * Remedies and empowerment: the catalog of remedy types, the authority matrix (per role
 * and per person, per type: most per case and per calendar month), approvals above it,
 * fair-offer suggestions from policy and precedent, the goodwill ledger, and negotiation
 * with the customer on their case page (accept, decline, counter), opened from the case link
 * an offer has the links module issue.
 * A remedy agreed with the customer is recorded as the case's Resolve step, which makes the
 * one promise and confirmation (ADR 11). Money is in minor units with its currency, in the
 * business currency only. Publishes {@link org.redress.remedies.RemedyChanged}. Listens to
 * {@code CasesMerged}: a duplicate's remedies not yet final move to the case it was merged
 * into, and its customer link opens that case.
 */
@NullMarked
package org.redress.remedies;

import org.jspecify.annotations.NullMarked;
