package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, started with {@code java -jar} and no configuration, as a
 * new user would: it keeps its data in {@code ./data} (H2) and finds it again after a
 * restart.
 */
class PackagedApplicationIT {

    private static final String ADMIN = "owner@example.com";
    private static final String PASSWORD = "owner-password-1";

    @TempDir
    Path workingDirectory;

    @Test
    void keepsACaseAcrossARestartOnTheEmbeddedDatabase() throws Exception {
        int port = freePort();
        Process first = start(port);
        String number;
        try {
            awaitHealthy(port, first);
            Http.Response created = Http.basic(port, ADMIN, PASSWORD).post("/api/v1/complaints", Map.of(
                "customer", Map.of("externalRef", "CUST-1", "email", "maria@example.com", "name", "Maria"),
                "channel", "web", "category", "delivery", "subject", "Parcel lost", "message", "It never came."));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            number = created.json().get("number").asString();
        } finally {
            stop(first);
        }
        assertThat(workingDirectory.resolve("data")).isDirectory();

        Process second = start(port);
        try {
            awaitHealthy(port, second);
            Http.Response found = Http.basic(port, ADMIN, PASSWORD).get("/api/v1/cases/" + number);

            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().get("subject").asString()).isEqualTo("Parcel lost");
            assertThat(found.json().get("customer").get("email").asString()).isEqualTo("maria@example.com");
        } finally {
            stop(second);
        }
    }

    private Process start(int port) throws IOException {
        String jar = System.getProperty("redress.jar");
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workingDirectory.resolve("app-" + Instant.now().toEpochMilli() + ".log").toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("REDRESS_ADMIN_EMAIL", ADMIN);
        builder.environment().put("REDRESS_ADMIN_PASSWORD", PASSWORD);
        builder.environment().remove("REDRESS_DATABASE_URL");
        return builder.start();
    }

    private void awaitHealthy(int port, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited:\n" + logs());
            }
            try {
                if (Http.anonymous(port).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The application did not become healthy in time:\n" + logs());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(workingDirectory)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
