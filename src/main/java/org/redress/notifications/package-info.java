/**
 * Telling people what happened. Staff alerts reach the people who must act (a target at
 * risk or missed, a follow-up due, a promise broken) in the console and through the API.
 * Customer updates keep the customer informed of their case (acknowledged, resolution
 * agreed and delivered, closed, promises kept or broken): each is recorded on the case's
 * timeline as "Update to customer: …" and handed to every
 * {@link org.redress.notifications.CustomerUpdateChannel}, the port through which email and
 * other channels deliver them. Listens to events of the cases, sla, promises and remedies
 * modules: customer updates inside the change's transaction (a transactional outbox), staff
 * alerts after it commits, through the event publication registry (ADR 10). Nothing
 * depends on this module.
 */
@NullMarked
package org.redress.notifications;

import org.jspecify.annotations.NullMarked;
