package org.redress.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a signed-in user, or the system itself (timers, intake from a
 * business system without a user). Every change in Redress records one.
 */
public record Actor(@Nullable Long userId, String name) {

    public static final Actor SYSTEM = new Actor(null, "Redress");

    public static Actor user(long userId, String name) {
        return new Actor(userId, name);
    }

    public boolean isSystem() {
        return userId == null;
    }
}
