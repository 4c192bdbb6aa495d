/**
 * Risk: finds the unhappy customers who never complain. Negative signals (a late or
 * failed delivery, a long wait, a repeat contact, an incident, a low survey score, a
 * cancellation, a refund request, falling activity) each add points that halve every
 * half-life; a customer whose score crosses the threshold gets a proactive outreach case,
 * at most once per period. The Silent customers page lists who is at risk and why, and
 * the iceberg compares the customers who complained with those who only showed signs.
 */
@NullMarked
package org.redress.risk;

import org.jspecify.annotations.NullMarked;
