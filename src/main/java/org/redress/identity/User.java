package org.redress.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in to Redress, or an integration (a business system) that only uses
 * tokens and so has no password. Deactivated users cannot sign in and their tokens stop working.
 */
@Table("users")
class User {

    private @Id @Nullable Long id;
    private final String email;
    private String name;
    private @Nullable String passwordHash;
    private Role role;
    private @Nullable Long teamId;
    private boolean active;
    private final Instant createdAt;
    private @Version int version;

    @PersistenceCreator
    User(@Nullable Long id, String email, String name, @Nullable String passwordHash, Role role,
         @Nullable Long teamId, boolean active, Instant createdAt, int version) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.role = role;
        this.teamId = teamId;
        this.active = active;
        this.createdAt = createdAt;
        this.version = version;
    }

    static User create(String email, String name, @Nullable String passwordHash, Role role, @Nullable Long teamId, Instant now) {
        return new User(null, email, name, passwordHash, role, teamId, true, now, 0);
    }

    void changeRole(Role newRole) {
        this.role = newRole;
    }

    void moveToTeam(@Nullable Long newTeamId) {
        this.teamId = newTeamId;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("user not saved yet");
        }
        return id;
    }

    String email() { return email; }
    String name() { return name; }
    @Nullable String passwordHash() { return passwordHash; }
    Role role() { return role; }
    @Nullable Long teamId() { return teamId; }
    boolean active() { return active; }
    Instant createdAt() { return createdAt; }

    UserSummary summary() {
        return new UserSummary(id(), email, name, role, teamId, active);
    }
}
