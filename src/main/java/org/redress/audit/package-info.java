/**
 * The audit log: an append-only record of every change made in Redress, with who made
 * it and when. Other modules write to it inside their own transaction through
 * {@link org.redress.audit.AuditTrail}, so a change and its audit entry commit together.
 * Admins read it in the API and the console, filtered by who acted, action, subject and day.
 */
@NullMarked
package org.redress.audit;

import org.jspecify.annotations.NullMarked;
