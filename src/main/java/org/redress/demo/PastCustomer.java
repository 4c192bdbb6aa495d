package org.redress.demo;

import java.time.Instant;

/** A customer of the demo's past who complained at least once; the id is set once stored. */
final class PastCustomer {

    long id;
    final String ref;
    final String name;
    final String email;
    final String tier;
    final long lifetimeValueCents;
    final Instant since;
    // Until their last case closed: a complaint while one is open would join it, so a new one comes after.
    Instant busyUntil = Instant.EPOCH;

    PastCustomer(String ref, String name, String email, String tier, long lifetimeValueCents, Instant since) {
        this.ref = ref;
        this.name = name;
        this.email = email;
        this.tier = tier;
        this.lifetimeValueCents = lifetimeValueCents;
        this.since = since;
    }
}
