package org.redress.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.redress.shared.InvalidInput;

/**
 * What a user may do. Agents handle cases; leads and managers also approve and coach
 * (later issues give them more); admins manage users, teams and settings.
 */
public enum Role {
    AGENT, LEAD, MANAGER, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        return Arrays.stream(values())
            .filter(role -> role.name().equalsIgnoreCase(value.trim()))
            .findFirst()
            .orElseThrow(() -> InvalidInput.field("role", "'" + value + "' is not a role; use one of "
                + Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
