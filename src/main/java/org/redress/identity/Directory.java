package org.redress.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is who, read with plain SQL: the people and teams that every console page lists or checks
 * (the signed-in person on each request, the pickers of the queue). Mapping these few rows
 * through the repositories cost more than the rest of a queue page's reads together; writes
 * still go through {@link Users} and {@link Teams}.
 */
@Component
class Directory {

    private static final String USER_COLUMNS = "id, email, name, role, team_id, active, password_hash";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UserSummary> users() {
        return jdbc.sql("select " + USER_COLUMNS + " from users order by name").query((rs, n) -> summary(rs)).list();
    }

    Optional<UserSummary> user(long id) {
        return jdbc.sql("select " + USER_COLUMNS + " from users where id = ?").param(id).query((rs, n) -> summary(rs)).optional();
    }

    /** The person as they are now, if they may still sign in. */
    Optional<RedressUser> activePerson(long id) {
        return jdbc.sql("select " + USER_COLUMNS + " from users where id = ? and active").param(id)
            .query((rs, n) -> new RedressUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), teamId(rs), true, rs.getString("password_hash")))
            .optional();
    }

    List<Team> teams() {
        return jdbc.sql("select id, name, created_at from teams order by name").query((rs, n) -> team(rs)).list();
    }

    Optional<Team> team(long id) {
        return jdbc.sql("select id, name, created_at from teams where id = ?").param(id).query((rs, n) -> team(rs)).optional();
    }

    private static UserSummary summary(ResultSet rs) throws SQLException {
        return new UserSummary(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role")),
            teamId(rs), rs.getBoolean("active"));
    }

    private static Team team(ResultSet rs) throws SQLException {
        return new Team(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Long teamId(ResultSet rs) throws SQLException {
        long teamId = rs.getLong("team_id");
        return rs.wasNull() ? null : teamId;
    }
}
