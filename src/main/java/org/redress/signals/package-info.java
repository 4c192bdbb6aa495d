/**
 * Signals: what business systems tell Redress about customers (an order placed, a delivery
 * late or failed, a service visit, a long wait, a cancellation, an outage), taken in
 * batches, each event once by its id, then processed once by a sweep that finds the
 * customer and publishes {@link org.redress.signals.SignalReceived} to surveys and risk.
 */
@NullMarked
package org.redress.signals;

import org.jspecify.annotations.NullMarked;
