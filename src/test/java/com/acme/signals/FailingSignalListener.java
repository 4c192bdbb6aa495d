package com.acme.signals;

import org.redress.signals.SignalsReceived;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** A listener that fails on any event carrying the attribute {@code "fail": true}, as a listener may fail on bad data. */
@TestComponent
public class FailingSignalListener {

    @EventListener
    void on(SignalsReceived received) {
        received.signals().stream().filter(signal -> "true".equals(signal.text("fail"))).findAny().ifPresent(signal -> {
            throw new IllegalStateException("cannot handle " + signal.eventId());
        });
    }
}
