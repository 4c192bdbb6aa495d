package org.redress.identity;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, whether they came through the console, a bearer token or HTTP
 * Basic. Controllers take it with {@code @AuthenticationPrincipal} and pass
 * {@link #actor()} into every command.
 */
public final class RedressUser implements UserDetails {

    private final long id;
    private final String email;
    private final String name;
    private final Role role;
    private final @Nullable Long teamId;
    private final boolean active;
    private final @Nullable String passwordHash;

    RedressUser(long id, String email, String name, Role role, @Nullable Long teamId, boolean active,
                @Nullable String passwordHash) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.teamId = teamId;
        this.active = active;
        this.passwordHash = passwordHash;
    }

    static RedressUser of(User user) {
        return new RedressUser(user.id(), user.email(), user.name(), user.role(), user.teamId(), user.active(),
            user.passwordHash());
    }

    public long id() { return id; }
    public String email() { return email; }
    public String name() { return name; }
    public Role role() { return role; }
    public @Nullable Long teamId() { return teamId; }

    public Actor actor() {
        return Actor.user(id, name);
    }

    /** Leads, managers and admins: they approve, assign cases to others and move them between teams. */
    public boolean supervises() {
        return role.supervises();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }
}
