import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET requests under load: CLIENTS threads each request the paths in turn in a closed loop
 * (request, read the whole answer, next) with a bearer token, and after a warm-up print
 * p50/p90/p99/max per path, as the client sees them.
 *
 * Usage: java benchmark/ApiLoad.java BASE_URL TOKEN CLIENTS SECONDS WARMUP_SECONDS PATH...
 */
public class ApiLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        List<String> paths = List.of(args).subList(5, args.length);
        Map<String, List<Long>> timings = new LinkedHashMap<>();
        paths.forEach(path -> timings.put(path, Collections.synchronizedList(new ArrayList<>())));
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c;
            Thread client = new Thread(() -> {
                int turn = first;
                while (System.nanoTime() < end) {
                    String path = paths.get(turn++ % paths.size());
                    long began = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            System.err.println(path + " answered " + response.statusCode() + ": " + new String(response.body()));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (began > warmEnd) {
                        timings.get(path).add(System.nanoTime() - began);
                    }
                }
            });
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
        System.out.printf("%-70s %8s %8s %8s %8s %8s%n", "GET (" + clients + " clients)", "requests", "p50 ms", "p90 ms", "p99 ms", "max ms");
        timings.forEach((path, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            if (!sorted.isEmpty()) {
                System.out.printf("%-70s %8d %8.1f %8.1f %8.1f %8.1f%n", path, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.90),
                    ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
            }
        });
    }

    static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
