import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * the most expensive intake. Bounded in time; talks only to the URL given.
 *
 *   java benchmark/IntakeLoad.java <baseUrl> <bearerToken> [clients=1,4,16] [seconds=20] [warmupSeconds=5]
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        System.out.printf(Locale.ROOT, "%-8s %10s %10s %9s %9s %9s %9s %8s%n",
            "clients", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        for (int clients : levels) {
            run(http, base, token, clients, warmup, false);
            Result result = run(http, base, token, clients, seconds, true);
            System.out.printf(Locale.ROOT, "%-8d %10d %10.1f %9.2f %9.2f %9.2f %9.2f %8d%n", clients, result.count(),
                result.count() / (double) seconds, result.percentile(50), result.percentile(90), result.percentile(99),
                result.percentile(100), result.errors());
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

    static Result run(HttpClient http, String base, String token, int clients, int seconds, boolean measure) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<List<Long>> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            List<Long> latencies = new ArrayList<>(100_000);
            perClient.add(latencies);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        String ref = UUID.randomUUID().toString();
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/complaints"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", ref)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body(ref)))
                            .build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long elapsed = System.nanoTime() - start;
                            if (response.statusCode() == 201) {
                                latencies.add(elapsed);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        long[] all = perClient.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        return new Result(measure ? all : new long[0], errors.get());
    }

    static String body(String ref) {
        return """
            {"customer":{"externalRef":"%s","name":"Load Test","email":"%s@example.com","phone":"+34 600 000 000"},
             "channel":"email","category":"delivery","severity":2,"subject":"Parcel arrived broken",
             "message":"The box was crushed and the vase inside is in pieces. I need this sorted before Friday."}
            """.formatted(ref, ref);
    }
}
