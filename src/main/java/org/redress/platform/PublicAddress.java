package org.redress.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address customers reach Redress at ({@code redress.public-url}, REDRESS_PUBLIC_URL).
 * Every link we hand out is built from it, in mail and in the console alike, never from the
 * request a person happens to be using: an agent on an internal host name must not copy a
 * link the customer cannot open. Until it is set, links point at this node on localhost,
 * which works only on the machine itself, and admins are told (see {@link #configured()}).
 */
@Component
public class PublicAddress {

    private final String configured;
    private final Environment environment;

    PublicAddress(@Value("${redress.public-url:}") String configured, Environment environment) {
        this.configured = configured.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    /** Whether an operator set the address; if not, links only work on this machine. */
    public boolean configured() {
        return !configured.isEmpty();
    }

    /** The address without a trailing slash, e.g. {@code https://care.example.com}. */
    public String base() {
        if (configured()) {
            return configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** The full address of a path customers open, e.g. their page {@code /c/…}. */
    public String link(String path) {
        return base() + path;
    }
}
