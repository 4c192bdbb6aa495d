package org.redress.identity;

/**
 * A switch people turn on or off for themselves, kept by the module it belongs to (the weekly
 * insights digest by insights). The Account page and {@code /api/v1/me/preferences} show the
 * ones that concern the signed-in person and change them through this port, and audit each
 * change, so that this module needs neither those modules nor their tables. Every Spring bean
 * implementing it is offered.
 */
public interface Preference {

    /** Its name in the API and the console's forms, e.g. {@code weekly-digest}; unique. */
    String key();

    /** What it is, in a few words: "Weekly insights digest". */
    String label();

    /** What being on means, in a sentence or two, for the page and the API. */
    String description();

    /** Whether it concerns this person at all (the digest: leads, managers and admins). */
    boolean appliesTo(RedressUser person);

    /** Whether it is on for this person. */
    boolean isOn(long userId);

    /** Turns it on or off for this person, inside the caller's transaction. */
    void set(long userId, boolean on);
}
