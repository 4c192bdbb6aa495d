package org.redress.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.sso.*}: single sign-on through the company's OpenID Connect provider. On when
 * an issuer is set. {@code roles} and {@code teams} map the provider's groups (the
 * {@code groups-claim} of the ID token) to a Redress role and team, each as {@code group=value};
 * a person in several mapped groups gets the highest role. Without a mapped group, a sign-in is
 * refused. {@code passwords=false} switches local passwords off (console and HTTP Basic); API
 * tokens keep working.
 */
@ConfigurationProperties("redress.sso")
record SsoSettings(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
                   @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                   @DefaultValue("groups") String groupsClaim,
                   @DefaultValue List<String> roles,
                   @DefaultValue List<String> teams,
                   @DefaultValue("false") boolean createAccounts,
                   @DefaultValue("true") boolean passwords,
                   @DefaultValue("Sign in with single sign-on") String label) {

    static final String REGISTRATION = "sso";

    SsoSettings {
        if (issuerUri != null && !issuerUri.isBlank() && (clientId == null || clientId.isBlank())) {
            throw new IllegalStateException("redress.sso.client-id is required when redress.sso.issuer-uri is set");
        }
        if (!passwords && (issuerUri == null || issuerUri.isBlank())) {
            throw new IllegalStateException("redress.sso.passwords=false needs single sign-on (redress.sso.issuer-uri): "
                + "nobody could sign in to the console");
        }
        roleOfGroup(roles);
        teamOfGroup(teams);
    }

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** The provider's group → the Redress role it gives. */
    Map<String, Role> roleOfGroup() {
        return roleOfGroup(roles);
    }

    /** The provider's group → the name of the Redress team it puts a person in. */
    Map<String, String> teamOfGroup() {
        return teamOfGroup(teams);
    }

    private static Map<String, Role> roleOfGroup(List<String> entries) {
        Map<String, Role> roles = new LinkedHashMap<>();
        pairs("roles", entries).forEach((group, value) -> {
            Role role;
            try {
                role = Role.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("redress.sso.roles: '" + value + "' is not a role (agent, lead, manager, admin)");
            }
            if (!role.person()) {
                throw new IllegalStateException("redress.sso.roles: an integration never signs in; map groups to people's roles");
            }
            roles.put(group, role);
        });
        return roles;
    }

    private static Map<String, String> teamOfGroup(List<String> entries) {
        return pairs("teams", entries);
    }

    private static Map<String, String> pairs(String property, List<String> entries) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalStateException("redress.sso." + property + ": '" + entry + "' is not group=value");
            }
            pairs.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return pairs;
    }
}
