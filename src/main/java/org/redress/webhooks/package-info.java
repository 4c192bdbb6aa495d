/**
 * Outbound webhooks: business systems subscribe to what happens in Redress (a case opened, a
 * step recorded, a remedy offered or agreed, a promise broken, a survey answered, …). Each
 * event is written as a message with the change that caused it, and one delivery per
 * subscribed endpoint; {@link org.redress.webhooks.WebhookSender} posts them following the
 * Standard Webhooks conventions (an id, a timestamp and an HMAC-SHA256 signature per secret
 * while one is being rotated), retries with back-off, one node at a time, in order per endpoint
 * and case, and keeps a delivery log where an admin sees failures and replays one. When
 * {@code redress.broker.enabled}, the same events also go to a RabbitMQ exchange
 * ({@link org.redress.webhooks.BrokerPublishing}).
 */
@NullMarked
package org.redress.webhooks;

import org.jspecify.annotations.NullMarked;
