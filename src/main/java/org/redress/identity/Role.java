package org.redress.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.redress.shared.InvalidInput;

/**
 * What a user may do. Agents handle cases; leads and managers also approve and coach;
 * admins manage users, teams and settings. An integration is not a person: a business
 * system that posts complaints, business events and inbound messages with a token an
 * admin issued, never signs in to the console and never acts on a case.
 */
public enum Role {
    AGENT, LEAD, MANAGER, ADMIN, INTEGRATION;

    /** Leads, managers and admins: they approve, assign to others and see the team's figures. */
    public boolean supervises() {
        return this == LEAD || this == MANAGER || this == ADMIN;
    }

    /** Every role but {@link #INTEGRATION}: someone who signs in and works cases. */
    public boolean person() {
        return this != INTEGRATION;
    }

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
