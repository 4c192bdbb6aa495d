/**
 * Signals: what business systems tell Redress about customers (an order placed, a delivery
 * late or failed, a service visit, a long wait, a cancellation, an outage), taken in
 * batches, each event once by its id. The base for surveys, incidents and the detection of
 * unhappy customers who never complain (still to come).
 */
@NullMarked
package org.redress.signals;

import org.jspecify.annotations.NullMarked;
