package org.redress.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a sign-in through the identity provider is in Redress. The provider says who they are
 * (subject, email, name) and what they may do (their groups, mapped to a role and a team by
 * {@link SsoSettings}); Redress finds their account by the provider's subject, or by email the
 * first time, creates it when allowed, and brings its role, team and name in line with the
 * provider at every sign-in. Refused: no mapped group, no account (when Redress may not create
 * one), a deactivated account, an integration's email.
 */
@Component
class SsoAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SsoSettings settings;
    private final Users users;
    private final Teams teams;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final TransactionTemplate transaction;

    SsoAccounts(SsoSettings settings, Users users, Teams teams, Directory directory, JdbcClient jdbc, AuditTrail audit,
                java.time.Clock clock, TransactionTemplate transaction) {
        this.settings = settings;
        this.users = users;
        this.teams = teams;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        RedressUser person = Objects.requireNonNull(transaction.execute(status -> person(signedIn)));
        return new SsoPrincipal(person.id(), person, signedIn);
    }

    private RedressUser person(OidcUser signedIn) {
        String subject = signedIn.getIssuer() + "|" + signedIn.getSubject();
        String email = signedIn.getEmail() == null ? null : signedIn.getEmail().trim().toLowerCase(Locale.ROOT);
        if (email == null || email.isBlank()) {
            throw refused("The identity provider did not say your email address; ask its administrator to release the "
                + "'email' claim to Redress.");
        }
        List<String> groups = Optional.ofNullable(signedIn.getClaimAsStringList(settings.groupsClaim())).orElse(List.of());
        Role role = groups.stream().map(settings.roleOfGroup()::get).filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElseThrow(() -> refused("You are in no group that gives access to Redress (" + (groups.isEmpty() ? "no groups"
                : String.join(", ", groups)) + "); ask your administrator."));
        @Nullable String teamName = groups.stream().map(settings.teamOfGroup()::get).filter(Objects::nonNull).findFirst().orElse(null);
        String name = signedIn.getFullName() == null || signedIn.getFullName().isBlank() ? email : signedIn.getFullName().trim();

        Optional<Long> linked = jdbc.sql("select id from users where sso_subject = ?").param(subject).query(Long.class).optional();
        User user = linked.flatMap(users::findById).orElse(null);
        if (user == null) {
            user = users.findByEmail(email).orElse(null);
            // An email is only a first meeting: once an account is someone's at the provider, another
            // person there who takes the same address (a rename, a reused mailbox) does not get it.
            if (user != null && jdbc.sql("select sso_subject from users where id = ?").param(user.id()).query(String.class)
                    .optional().filter(other -> !other.equals(subject)).isPresent()) {
                throw refused("The Redress account of " + email + " belongs to another person at the identity provider; "
                    + "ask an admin.");
            }
        }
        if (user == null) {
            if (!settings.createAccounts()) {
                throw refused("Redress has no account for " + email + "; ask an admin to add you.");
            }
            user = users.save(User.create(email, name, null, role, teamId(teamName), clock.instant()));
            audit.record(Actor.SYSTEM, "user.created", "user:" + user.id(), email + " as " + role.label()
                + ", at their first sign-in through the identity provider");
        } else {
            if (!user.role().person()) {
                throw refused(email + " belongs to an integration in Redress, not to a person.");
            }
            if (!user.active()) {
                throw refused("Your Redress account is deactivated; ask an admin.");
            }
            bringInLine(user, name, role, teamName);
        }
        jdbc.sql("update users set sso_subject = ? where id = ?").params(subject, user.id()).update();
        return directory.activePerson(user.id()).orElseThrow();
    }

    // The provider is where people's access is managed: what it says now wins over what Redress had.
    private void bringInLine(User user, String name, Role role, @Nullable String teamName) {
        StringBuilder changes = new StringBuilder();
        if (role != user.role()) {
            changes.append("role ").append(user.role().label()).append(" → ").append(role.label()).append("; ");
            user.changeRole(role);
        }
        Long team = teamName == null ? user.teamId() : teamId(teamName);
        if (!Objects.equals(team, user.teamId())) {
            changes.append("team:").append(team).append("; ");
            user.moveToTeam(team);
        }
        if (!name.equals(user.name())) {
            user.rename(name);
        }
        users.save(user);
        if (!changes.isEmpty()) {
            audit.record(Actor.SYSTEM, "user.changed", "user:" + user.id(), changes.substring(0, changes.length() - 2)
                + ", as the identity provider says");
        }
    }

    // A team the provider names is created the first time someone of it signs in.
    private @Nullable Long teamId(@Nullable String teamName) {
        if (teamName == null) {
            return null;
        }
        Map<String, Long> byName = new java.util.HashMap<>();
        directory.teams().forEach(team -> byName.put(team.name().toLowerCase(Locale.ROOT), team.id()));
        Long existing = byName.get(teamName.toLowerCase(Locale.ROOT));
        if (existing != null) {
            return existing;
        }
        Team team = teams.save(new Team(null, teamName, clock.instant()));
        audit.record(Actor.SYSTEM, "team.created", "team:" + team.id(), teamName + ", named by the identity provider");
        return team.id();
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
