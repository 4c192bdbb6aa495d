import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for Redress intake: drives POST /api/v1/complaints with N concurrent
 * clients (each a closed loop: send, wait for the answer, send again) and prints
 * throughput and latency percentiles. Every request is a new customer with a new case,
 * the most expensive intake. Each client keeps one HTTP/1.1 connection open. Bounded in
 * time; talks only to the URL given.
 *
 *   java benchmark/IntakeLoad.java <baseUrl> <bearerToken> [clients=1,4,16] [seconds=20] [warmupSeconds=5]
 *
 * With -Dcheckpoint.database=NAME it has PostgreSQL (psql, 127.0.0.1, user postgres) take a
 * checkpoint of that database before each level, as run.sh does before each pgbench level.
 */
public class IntakeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java IntakeLoad.java <baseUrl> <bearerToken> [clients=1,4,16] [seconds=20] [warmupSeconds=5]");
            System.exit(2);
        }
        String base = args[0];
        String token = args[1];
        int[] levels = Arrays.stream((args.length > 2 ? args[2] : "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;

        System.out.printf(Locale.ROOT, "%-8s %10s %10s %9s %9s %9s %9s %8s%n",
            "clients", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        String checkpointed = System.getProperty("checkpoint.database");
        for (int clients : levels) {
            if (checkpointed != null) {
                checkpoint(checkpointed);
            }
            run(base, token, clients, warmup, false);
            Result result = run(base, token, clients, seconds, true);
            System.out.printf(Locale.ROOT, "%-8d %10d %10.1f %9.2f %9.2f %9.2f %9.2f %8d%n", clients, result.count(),
                result.count() / (double) seconds, result.percentile(50), result.percentile(90), result.percentile(99),
                result.percentile(100), result.errors());
        }
        // Its own CPU time, warm-ups included: run.sh divides it by the cases made, to show
        // what the load generator takes from the two cores the server and database share.
        System.err.println("load-generator-cpu-ms " + ProcessHandle.current().info().totalCpuDuration()
            .map(Duration::toMillis).orElse(-1L));
    }

    // Every level starts at the same point of PostgreSQL's checkpoint cycle: right after a
    // checkpoint, each page's first change writes the whole page to the WAL, so a level that
    // met a checkpoint half-way wrote more per commit than one that did not.
    static void checkpoint(String database) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qc", "checkpoint")
            .inheritIO().start();
        if (psql.waitFor() != 0) {
            throw new IOException("checkpoint failed: psql exited with " + psql.exitValue());
        }
    }

    record Result(long[] latencies, long errors) {
        long count() {
            return latencies.length;
        }

        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1_000_000.0;
        }
    }

    static Result run(String base, String token, int clients, int seconds, boolean measure) throws Exception {
        URI uri = URI.create(base);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<List<Long>> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            List<Long> latencies = new ArrayList<>(100_000);
            perClient.add(latencies);
            Thread thread = new Thread(() -> {
                Connection connection = null;
                try {
                    while (System.nanoTime() < end) {
                        if (connection == null) {
                            connection = new Connection(uri.getHost(), uri.getPort());
                        }
                        String ref = UUID.randomUUID().toString();
                        long start = System.nanoTime();
                        try {
                            int status = connection.post("/api/v1/complaints", token, ref, body(ref));
                            long elapsed = System.nanoTime() - start;
                            if (connection.closedByServer()) {
                                connection.close();
                                connection = null;
                            }
                            if (status == 201) {
                                latencies.add(elapsed);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            connection.close();
                            connection = null;
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        long[] all = perClient.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        return new Result(measure ? all : new long[0], errors.get());
    }

    /**
     * A minimal keep-alive HTTP/1.1 client over one socket: writes the request, reads the
     * status line, headers and body (Content-Length or chunked). The JDK's HttpClient costs
     * several times more CPU per request, which on a small machine is taken from the server
     * being measured.
     */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;
        private boolean closedByServer;

        Connection(String host, int port) throws IOException {
            this.socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            this.in = new BufferedInputStream(socket.getInputStream(), 16384);
            this.host = host + ":" + port;
        }

        int post(String path, String token, String idempotencyKey, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nIdempotency-Key: " + idempotencyKey
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closedByServer = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        /** The server said it closes the connection after this response (e.g. its keep-alive limit). */
        boolean closedByServer() {
            return closedByServer;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    static String body(String ref) {
        return """
            {"customer":{"externalRef":"%s","name":"Load Test","email":"%s@example.com","phone":"+34 600 000 000"},
             "channel":"email","category":"delivery","severity":2,"subject":"Parcel arrived broken",
             "message":"The box was crushed and the vase inside is in pieces. I need this sorted before Friday."}
            """.formatted(ref, ref);
    }
}
