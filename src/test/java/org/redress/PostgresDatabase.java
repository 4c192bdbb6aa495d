package org.redress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for this test run, created on first use, so tests never
 * depend on leftovers. The server defaults to the local one
 * ({@code -Dredress.test.postgres=jdbc:postgresql://host:port/} to change it).
 * It is not dropped at exit: the application is still shutting down then and needs it.
 * Instead each database is named in {@code target/test-databases}, with its server;
 * {@code scripts/test.sh} drops those on the local server once Maven is done, the next test JVM
 * drops those left on its own server (a run without the script, or against another server), and
 * each run drops the test databases of runs that started hours ago (a run cut short elsewhere).
 */
public final class PostgresDatabase {

    private static final String SERVER = System.getProperty("redress.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("redress.test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("redress.test.postgres.password", "");
    private static final String PREFIX = "redress_test_";
    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Path CREATED = Path.of("target", "test-databases");
    private static String url;

    private PostgresDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            dropStaleDatabases();
            dropThoseOfEarlierRuns();
            url = SERVER + create();
        }
        return url;
    }

    /** Another fresh database, for tests that start their own application nodes. */
    public static String fresh() {
        url();
        return SERVER + create();
    }

    /**
     * A copy of one of these databases, made from it as a template. PostgreSQL copies only a
     * database nobody is connected to, so its sessions are ended first.
     */
    public static String copyOf(String url) {
        String source = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             PreparedStatement others = connection.prepareStatement(
                 "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            others.setString(1, source);
            others.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the sessions of " + source + ": " + e.getMessage(), e);
        }
        return SERVER + create(" template " + source);
    }

    private static String create() {
        return create("");
    }

    private static synchronized String create(String options) {
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute("create database " + name + options);
        try {
            Files.createDirectories(CREATED.getParent());
            Files.writeString(CREATED, name + "\t" + SERVER + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Not fatal: the database is dropped with the stale ones instead.
        }
        return name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void dropStaleDatabases() {
        long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet names = statement.executeQuery("select datname from pg_database where datname like 'redress_test_%'")) {
            List<String> stale = new ArrayList<>();
            while (names.next()) {
                String[] parts = names.getString(1).substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].chars().allMatch(Character::isDigit) && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(names.getString(1));
                }
            }
            stale.forEach(name -> execute("drop database if exists " + name + " with (force)"));
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for the tests (" + SERVER + "): " + e.getMessage(), e);
        }
    }

    /**
     * The databases an earlier JVM of this build listed on this server: their applications have
     * stopped with that JVM. Those on other servers stay listed for a run against them.
     */
    private static void dropThoseOfEarlierRuns() {
        if (!Files.exists(CREATED)) {
            return;
        }
        try {
            List<String> elsewhere = new ArrayList<>();
            for (String line : Files.readAllLines(CREATED)) {
                String[] nameAndServer = line.split("\t", 2);
                if (nameAndServer.length == 2 && nameAndServer[1].equals(SERVER) && nameAndServer[0].matches(PREFIX + "\\w+")) {
                    execute("drop database if exists " + nameAndServer[0] + " with (force)");
                } else if (!line.isBlank()) {
                    elsewhere.add(line);
                }
            }
            Files.write(CREATED, elsewhere);
        } catch (IOException e) {
            // Not fatal: they are dropped with the stale ones instead.
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for the tests (" + SERVER + "): " + e.getMessage()
                + ". Run ./scripts/test.sh, which starts it when it is installed but down.", e);
        }
    }
}
