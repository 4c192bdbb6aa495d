package org.redress.signals;

import java.util.List;

/**
 * Business events, in the order they arrived, published together inside the transaction
 * that marks them processed (a sweep's batch, or one event alone when the batch had to be
 * taken apart): listeners act on each exactly once or not at all, and may do so in one
 * statement for many events.
 */
public record SignalsReceived(List<SignalReceived> signals) {

    public SignalsReceived {
        signals = List.copyOf(signals);
    }
}
