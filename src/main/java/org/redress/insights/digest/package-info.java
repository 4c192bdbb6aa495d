/**
 * The weekly insights digest: once a week (Monday 07:00 in the business's time zone by
 * default, {@code redress.insights.digest.*}) each active lead, manager and admin who has not
 * switched it off gets an email with the past seven days' key numbers beside the seven days
 * before, the ones that moved most in words, any {@link org.redress.insights.DigestSection}
 * other modules add, and a link to the Insights page for that week. Checked every five
 * minutes by a db-scheduler task (one node at a time); {@code insight_digests} records who was
 * sent which week in the transaction that queues the email, so a restart or a second node
 * never sends a week twice and a node that was down at the time catches up later that week.
 * Sent through the communications module's outbox ({@link org.redress.communications.StaffMail}).
 */
@NullMarked
package org.redress.insights.digest;

import org.jspecify.annotations.NullMarked;
