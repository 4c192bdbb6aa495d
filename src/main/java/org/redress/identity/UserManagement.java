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
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    UserManagement(Users users, Teams teams, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewUser(String email, String name, String password, String role, @Nullable Long teamId) {}

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
        String password = checkedPassword(request.password());
        if (request.teamId() != null) {
            requireTeam(request.teamId());
        }
        if (users.findByEmail(email).isPresent()) {
            throw new Conflict("A user with the email " + email + " already exists.");
        }
        User user = users.save(User.create(email, name, passwords.encode(password), role, request.teamId(), clock.instant()));
        audit.record(actor, "user.created", "user:" + user.id(), email + " as " + role.label());
        return user.summary();
    }

    public UserSummary changeRole(RedressUser by, long userId, String newRole) {
        requireAdmin(by);
        Role role = Role.parse(newRole);
        User user = existing(userId);
        if (user.id() == by.id() && role != Role.ADMIN) {
            throw new Conflict("You cannot remove your own admin role; ask another admin.");
        }
        Role before = user.role();
        user.changeRole(role);
        users.save(user);
        audit.record(by.actor(), "user.role-changed", "user:" + userId, before.label() + " → " + role.label());
        return user.summary();
    }

    public UserSummary moveToTeam(RedressUser by, long userId, @Nullable Long teamId) {
        requireAdmin(by);
        if (teamId != null) {
            requireTeam(teamId);
        }
        User user = existing(userId);
        user.moveToTeam(teamId);
        users.save(user);
        audit.record(by.actor(), "user.team-changed", "user:" + userId, teamId == null ? "no team" : "team:" + teamId);
        return user.summary();
    }

    public UserSummary deactivate(RedressUser by, long userId) {
        requireAdmin(by);
        if (userId == by.id()) {
            throw new Conflict("You cannot deactivate yourself.");
        }
        User user = existing(userId);
        user.deactivate();
        users.save(user);
        audit.record(by.actor(), "user.deactivated", "user:" + userId, user.email());
        return user.summary();
    }

    public UserSummary activate(RedressUser by, long userId) {
        requireAdmin(by);
        User user = existing(userId);
        user.activate();
        users.save(user);
        audit.record(by.actor(), "user.activated", "user:" + userId, user.email());
        return user.summary();
    }

    /** Changing one's own password needs the current one, so a session left open cannot take over the account. */
    public void changeOwnPassword(RedressUser me, String current, String replacement) {
        User user = existing(me.id());
        if (!passwords.matches(current, user.passwordHash())) {
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
        return users.findAllByOrderByNameAsc().stream().map(User::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> user(long id) {
        return users.findById(id).map(User::summary);
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<Team> team(long id) {
        return teams.findById(id);
    }

    /** The user as if signed in, for work done on their behalf (demo data, imports). */
    @Transactional(readOnly = true)
    public Optional<RedressUser> signedInAs(long userId) {
        return users.findById(userId).filter(User::active).map(RedressUser::of);
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
