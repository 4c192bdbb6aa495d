import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for business events: N clients each post batches of B new events to
 * POST /api/v1/events in a closed loop for S seconds; prints events per second and batch
 * latency percentiles. Talks only to the URL given.
 *
 *   java benchmark/EventLoad.java <baseUrl> <bearerToken> [clients=4] [batch=500] [seconds=20] [warmupSeconds=5]
 */
public class EventLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        run(base, token, clients, batch, warmup, false);
        run(base, token, clients, batch, seconds, true);
    }

    static void run(String base, String token, int clients, int batch, int seconds, boolean report) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant end = Instant.now().plusSeconds(seconds);
        AtomicLong events = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                String occurred = Instant.now().minusSeconds(60).toString();
                while (Instant.now().isBefore(end)) {
                    StringBuilder body = new StringBuilder("{\"events\":[");
                    String prefix = UUID.randomUUID().toString();
                    for (int i = 0; i < batch; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"eventId\":\"").append(prefix).append('-').append(i)
                            .append("\",\"type\":\"DELIVERED\",\"customerRef\":\"CUST-").append(i % 997)
                            .append("\",\"occurredAt\":\"").append(occurred)
                            .append("\",\"attributes\":{\"orderId\":\"").append(prefix, 0, 8).append(i).append("\"}}");
                    }
                    body.append("]}");
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains("\"accepted\":" + batch)) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    latencies.add(System.nanoTime() - start);
                    events.addAndGet(batch);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (report) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("clients=%d batch=%d: %,d events in %d s = %,.0f events/s; batch latency p50 %.1f ms, p99 %.1f ms%n",
                clients, batch, events.get(), seconds, events.get() / (double) seconds,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
        }
    }
}
