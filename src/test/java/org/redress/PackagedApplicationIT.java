package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The packaged application, started with {@code java -jar} and no configuration, as a
 * new user would: it keeps its data in {@code ./data} (H2) and finds it again after a
 * restart, even when the process was killed right after it confirmed a change.
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

    /**
     * A 2xx answer is a promise that the change is kept. Twenty times: a complaint and a
     * playbook step, then SIGKILL the moment the step is confirmed (no shutdown hook runs),
     * restart, and every change confirmed so far must be there.
     */
    @Test
    void keepsEveryConfirmedChangeWhenKilledRightAfterTheAnswer() throws Exception {
        int port = freePort();
        List<String> confirmed = new ArrayList<>();
        for (int round = 1; round <= 20; round++) {
            Process node = start(port);
            try {
                awaitHealthy(port, node);
                assertEveryConfirmedChangeIsKept(port, confirmed);
                Http api = Http.basic(port, ADMIN, PASSWORD);
                Http.Response created = api.post("/api/v1/complaints", Map.of(
                    "customer", Map.of("externalRef", "KILL-" + round, "email", "kill" + round + "@example.com"),
                    "channel", "phone", "category", "delivery", "subject", "Round " + round, "message", "Lost again."));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String number = created.json().get("number").asString();
                Http.Response acknowledged = api.post("/api/v1/cases/" + number + "/acknowledge",
                    Map.of("message", "We are on it, round " + round + "."));
                assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
                confirmed.add(number);
            } finally {
                node.destroyForcibly().waitFor();
            }
        }
        Process last = start(port);
        try {
            awaitHealthy(port, last);
            assertEveryConfirmedChangeIsKept(port, confirmed);
        } finally {
            stop(last);
        }
    }

    private static void assertEveryConfirmedChangeIsKept(int port, List<String> numbers) {
        Http api = Http.basic(port, ADMIN, PASSWORD);
        for (int i = 0; i < numbers.size(); i++) {
            Http.Response found = api.get("/api/v1/cases/" + numbers.get(i));
            assertThat(found.status()).as("case %s, confirmed in round %d", numbers.get(i), i + 1).isEqualTo(200);
            assertThat(found.json().get("subject").asString()).isEqualTo("Round " + (i + 1));
            JsonNode acknowledge = found.json().get("steps").get(0);
            assertThat(acknowledge.get("done").asBoolean()).as("acknowledgement of %s", numbers.get(i)).isTrue();
            assertThat(acknowledge.get("note").asString()).isEqualTo("We are on it, round " + (i + 1) + ".");
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
