package org.redress.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.redress.shared.InvalidInput;

/** Where a complaint reached us. */
public enum Channel {
    EMAIL("Email"), PHONE("Phone"), WEB("Web form"), CHAT("Chat"), SOCIAL("Social media"), REVIEW("Review site"),
    SURVEY("Survey"), IN_PERSON("In person"), PROACTIVE("Proactive");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code in-person}, {@code in_person} or {@code IN_PERSON}. */
    public static Channel parse(String field, String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(channel -> channel.name().equals(normalised)).findFirst()
            .orElseThrow(() -> InvalidInput.field(field, "'" + value + "' is not a channel; use one of "
                + Arrays.stream(values()).map(Channel::code).collect(Collectors.joining(", "))));
    }
}
