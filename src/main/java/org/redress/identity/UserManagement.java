package org.redress.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating users and teams, changing roles, deactivating. Only admins manage users; the
 * web layer checks the role and this class checks it again, so no path skips the rule.
 */
@Service
@Transactional
public class UserManagement {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Users users;
    private final Teams teams;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityChanges identityChanges;

    UserManagement(Users users, Teams teams, Directory directory, PasswordEncoder passwords, AuditTrail audit, JdbcClient jdbc,
                   Clock clock, IdentityChanges identityChanges) {
        this.users = users;
        this.directory = directory;
        this.jdbc = jdbc;
        this.teams = teams;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.identityChanges = identityChanges;
    }

    public record NewUser(String email, String name, @Nullable String password, String role, @Nullable Long teamId) {}

    public UserSummary createUser(RedressUser by, NewUser request) {
        requireAdmin(by);
        return createUser(by.actor(), request);
    }

    /**
     * Creates a user on behalf of the system itself, for bootstrapping (the first admin,
     * demo data) when no one is signed in yet. Never reachable from a request.
     */
    public UserSummary provision(NewUser request) {
        return createUser(Actor.SYSTEM, request);
    }

    private UserSummary createUser(Actor actor, NewUser request) {
        String email = normalisedEmail(request.email());
        String name = Text.required("name", request.name(), 200).trim();
        Role role = Role.parse(Text.required("role", request.role(), 20));
        // An integration signs in only with the tokens an admin issues for it, so it has no password.
        String password = role.person() ? checkedPassword(request.password()) : noPassword(request.password());
        if (request.teamId() != null) {
            if (!role.person()) {
                throw InvalidInput.field("teamId", "an integration belongs to no team: it never handles cases");
            }
            requireTeam(request.teamId());
        }
        if (users.findByEmail(email).isPresent()) {
            throw new Conflict("A user with the email " + email + " already exists.");
        }
        User user = users.save(User.create(email, name, password == null ? null : passwords.encode(password), role,
            request.teamId(), clock.instant()));
        audit.record(actor, "user.created", "user:" + user.id(), email + " as " + role.label());
        return user.summary();
    }

    private static @Nullable String noPassword(@Nullable String password) {
        if (password != null && !password.isBlank()) {
            throw InvalidInput.field("password", "is not used by an integration: it signs in only with tokens an admin "
                + "issues for it; leave it out");
        }
        return null;
    }

    /** Changes to a user; null fields stay as they are. */
    public record UserChange(@Nullable String role, @Nullable Long teamId, boolean removeFromTeam, @Nullable Boolean active) {}

    /**
     * Applies several changes to a user at once: all are checked first and saved together,
     * so a refused change leaves the others unmade too.
     */
    public UserSummary change(RedressUser by, long userId, UserChange change) {
        requireAdmin(by);
        User user = existing(userId);
        Role role = change.role() == null ? user.role() : Role.parse(change.role());
        if (role.person() != user.role().person()) {
            throw InvalidInput.field("role", user.role().person()
                ? "a person cannot become an integration; add an integration as a user of its own"
                : "an integration cannot become a person; add the person as a user of their own");
        }
        if (change.teamId() != null) {
            if (!role.person()) {
                throw InvalidInput.field("teamId", "an integration belongs to no team: it never handles cases");
            }
            requireTeam(change.teamId());
        }
        boolean active = change.active() == null ? user.active() : change.active();
        if (user.id() == by.id() && (role != Role.ADMIN || !active)) {
            throw new Conflict("You cannot remove your own admin role or deactivate yourself; ask another admin.");
        }
        if (user.role() == Role.ADMIN && user.active() && (role != Role.ADMIN || !active)) {
            requireAnotherActiveAdmin(userId);
        }
        StringBuilder changes = new StringBuilder();
        if (role != user.role()) {
            changes.append("role ").append(user.role().label()).append(" → ").append(role.label()).append("; ");
            user.changeRole(role);
        }
        Long team = change.removeFromTeam() ? null : change.teamId() != null ? change.teamId() : user.teamId();
        if (!java.util.Objects.equals(team, user.teamId())) {
            changes.append(team == null ? "no team" : "team:" + team).append("; ");
            user.moveToTeam(team);
        }
        if (active != user.active()) {
            changes.append(active ? "reactivated" : "deactivated").append("; ");
            if (active) {
                user.activate();
            } else {
                user.deactivate();
                revokeTokens(userId);
            }
        }
        if (changes.isEmpty()) {
            return user.summary();
        }
        users.save(user);
        audit.record(by.actor(), "user.changed", "user:" + userId, changes.substring(0, changes.length() - 2));
        return user.summary();
    }

    // A deactivated person's tokens end with them: reactivating the account must not bring a
    // token back that might have been copied while it was believed dead.
    private void revokeTokens(long userId) {
        jdbc.sql("update api_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
            .params(java.sql.Timestamp.from(clock.instant()), userId).update();
        identityChanges.announce();
    }

    // Serialises concurrent demotions: two admins demoting each other at once must not leave none.
    private void requireAnotherActiveAdmin(long leaving) {
        List<Long> admins = jdbc.sql("select id from users where role = 'ADMIN' and active for update")
            .query(Long.class).list();
        if (admins.stream().noneMatch(id -> id != leaving)) {
            throw new Conflict("This is the last active admin; make someone else admin first.");
        }
    }

    public UserSummary deactivate(RedressUser by, long userId) {
        return change(by, userId, new UserChange(null, null, false, false));
    }

    public UserSummary activate(RedressUser by, long userId) {
        return change(by, userId, new UserChange(null, null, false, true));
    }

    /** Changing one's own password needs the current one, so a session left open cannot take over the account. */
    public void changeOwnPassword(RedressUser me, @Nullable String current, @Nullable String replacement) {
        User user = existing(me.id());
        String hash = user.passwordHash();
        if (hash == null) {
            throw new org.redress.shared.Forbidden(user.role().person()
                ? "You sign in through the identity provider: Redress holds no password for you."
                : "An integration has no password; it uses the tokens an admin issues for it.");
        }
        if (current == null || !passwords.matches(current, hash)) {
            throw InvalidInput.field("current", "is not your current password");
        }
        user.changePassword(passwords.encode(checkedPassword(replacement)));
        users.save(user);
        audit.record(me.actor(), "user.password-changed", "user:" + me.id(), null);
    }

    public Team createTeam(RedressUser by, String name) {
        requireAdmin(by);
        String teamName = Text.required("name", name, 100).trim();
        if (teams.existsByNameIgnoreCase(teamName)) {
            throw new Conflict("A team named " + teamName + " already exists.");
        }
        Team team = teams.save(new Team(null, teamName, clock.instant()));
        audit.record(by.actor(), "team.created", "team:" + team.id(), teamName);
        return team;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        return directory.users();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> user(long id) {
        return directory.user(id);
    }

    /**
     * Who leads a team: its active leads; when it has none (or for no team), the active
     * managers, so that an alert always reaches someone who can act.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> leadsOf(@Nullable Long teamId) {
        List<UserSummary> active = users().stream().filter(UserSummary::active).toList();
        List<UserSummary> leads = active.stream()
            .filter(user -> user.role() == Role.LEAD && teamId != null && teamId.equals(user.teamId())).toList();
        return leads.isEmpty() ? active.stream().filter(user -> user.role() == Role.MANAGER).toList() : leads;
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return directory.teams();
    }

    @Transactional(readOnly = true)
    public Optional<Team> team(long id) {
        return directory.team(id);
    }

    /** The user as if signed in, for work done on their behalf (demo data, imports). */
    @Transactional(readOnly = true)
    public Optional<RedressUser> signedInAs(long userId) {
        return directory.activePerson(userId);
    }

    @Transactional(readOnly = true)
    boolean anyUserExists() {
        return users.count() > 0;
    }

    private User existing(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFound("There is no user with id " + userId + "."));
    }

    private void requireTeam(long teamId) {
        if (!teams.existsById(teamId)) {
            throw InvalidInput.field("teamId", "there is no team with id " + teamId);
        }
    }

    private static void requireAdmin(RedressUser by) {
        if (by.role() != Role.ADMIN) {
            throw new org.redress.shared.Forbidden("Only admins can manage users and teams.");
        }
    }

    static String normalisedEmail(@Nullable String email) {
        String value = Text.required("email", email, 254).trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(value).matches()) {
            throw InvalidInput.field("email", "'" + email + "' is not an email address");
        }
        return value;
    }

    static String checkedPassword(@Nullable String password) {
        String value = Text.required("password", password, 200);
        if (value.length() < MIN_PASSWORD_LENGTH) {
            throw InvalidInput.field("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return value;
    }
}
