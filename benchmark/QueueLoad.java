import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console pages under load: N people sign in through the console's form like a browser
 * (session cookie, CSRF token), then each requests the pages below in turn in a closed loop
 * (request, wait for the answer, next). Prints p50/p90/p99/max per page after a warm-up.
 *
 * Usage: java [-Daccess.log=FILE] [-Dpages=REGEX] [-Dinsights=1] benchmark/QueueLoad.java BASE_URL SECONDS WARMUP_SECONDS PASSWORD CASES_FILE EMAIL...
 * CASES_FILE holds case numbers (one a line) the users may open, for the case page.
 *
 * The times are the client's: from sending a request to reading the whole answer, so on a
 * machine this load saturates they include waiting for a core. With -Daccess.log, the
 * application's own access log (Tomcat's, with the pattern "%{X-Bench-Run}i %{X-Bench-Page}i
 * %{us}T") gives the server's time for the same measured requests beside them: from Tomcat
 * reading the request to the application having written the answer.
 */
public class QueueLoad {

    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("Queue: Mine", "/cases?queue=mine");
        PAGES.put("Queue: All open (time left)", "/cases?queue=open&sort=time-left");
        PAGES.put("Queue: All open by severity", "/cases?queue=open&sort=severity");
        PAGES.put("Queue: All open, missed", "/cases?queue=open&missed=true");
        PAGES.put("Queue: Unassigned", "/cases?queue=unassigned");
        PAGES.put("Queue: Recently closed", "/cases?queue=closed");
        PAGES.put("At risk (/sla/attention)", "/sla/attention");
        PAGES.put("Case page", null);
        // A part of a name, email or reference ({n}: a random customer number, so most searches match a handful).
        PAGES.put("Customer search", "/customers?q=customer{n}");
        // A small page that reads almost nothing: what the machine and the framework cost by themselves.
        PAGES.put("Control: alerts page", "/alerts");
        // What htmx loads into a supervisor's queue page (-Dsupervisors=1: the admin's run; agents have none).
        if (!System.getProperty("supervisors", "").isEmpty()) {
            PAGES.put("Iceberg (queue page part)", "/risk/iceberg");
        }
        // -Dinsights=1: the Insights page and the sections htmx loads into it, instead of the queue's pages.
        if (!System.getProperty("insights", "").isEmpty()) {
            PAGES.clear();
            PAGES.put("Insights page (the summary)", "/insights");
            for (String section : List.of("retention", "goodwill", "promises", "satisfaction", "causes", "what-recovers", "wins",
                    "lessons", "proactive")) {
                PAGES.put("Insights: " + section, "/insights/" + section);
            }
        }
        // -Dpages=REGEX keeps only the pages whose name matches (e.g. to profile one page alone).
        String only = System.getProperty("pages");
        if (only != null) {
            PAGES.keySet().removeIf(name -> !name.matches(only));
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        String password = args[3];
        List<String> cases = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[4])).stream()
            .filter(line -> !line.isBlank()).toList();
        List<String> emails = List.of(args).subList(5, args.length);

        // Requests of the measured window carry this run's id and their page, for the access log.
        String run = "run-" + Long.toHexString(System.nanoTime());
        List<String> pageNames = new ArrayList<>(PAGES.keySet());
        Map<String, List<Long>> timings = new ConcurrentHashMap<>();
        PAGES.keySet().forEach(page -> timings.put(page, Collections.synchronizedList(new ArrayList<>())));
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<Thread> users = new ArrayList<>();
        for (String email : emails) {
            HttpClient client = signIn(base, email, password);
            Thread user = new Thread(() -> {
                List<String> names = new ArrayList<>(PAGES.keySet());
                int turn = ThreadLocalRandom.current().nextInt(names.size());
                while (System.nanoTime() < end) {
                    String name = names.get(turn++ % names.size());
                    String path = PAGES.get(name);
                    if (path == null) {
                        path = "/cases/" + cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
                    }
                    path = path.replace("{n}", String.valueOf(1 + ThreadLocalRandom.current().nextInt(200_000)));
                    long began = System.nanoTime();
                    boolean measured = began > warmEnd;
                    int status = get(client, base + path, measured ? run : "warm-up", pageNames.indexOf(name));
                    long took = System.nanoTime() - began;
                    if (status != 200) {
                        System.err.println(name + " " + path + " answered " + status);
                    }
                    if (measured) {
                        timings.get(name).add(took);
                    }
                }
            });
            user.start();
            users.add(user);
        }
        for (Thread user : users) {
            user.join();
        }
        System.out.printf("%-30s %8s %8s %8s %8s %8s%n", "Page (" + emails.size() + " users), client", "requests", "p50 ms", "p90 ms", "p99 ms", "max ms");
        print(timings);
        String accessLog = System.getProperty("access.log");
        if (accessLog != null) {
            long measured = timings.values().stream().mapToLong(List::size).sum();
            System.out.printf("%-30s %8s %8s %8s %8s %8s%n", "Same requests, server", "requests", "p50 ms", "p90 ms", "p99 ms", "max ms");
            print(serverTimes(java.nio.file.Path.of(accessLog), run, pageNames, measured));
        }
    }

    static void print(Map<String, List<Long>> timings) {
        timings.forEach((name, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return;
            }
            System.out.printf("%-30s %8d %8.1f %8.1f %8.1f %8.1f%n", name, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        });
    }

    // The access log's lines of this run (Tomcat writes them in batches: wait until all are there), in nanoseconds per page.
    static Map<String, List<Long>> serverTimes(java.nio.file.Path log, String run, List<String> pageNames, long expected)
            throws IOException, InterruptedException {
        Map<String, List<Long>> server = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 40; attempt++) {
            server.clear();
            pageNames.forEach(page -> server.put(page, new ArrayList<>()));
            long found = 0;
            for (String line : java.nio.file.Files.readAllLines(log)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 3 && fields[0].equals(run)) {
                    server.get(pageNames.get(Integer.parseInt(fields[1]))).add(Long.parseLong(fields[2]) * 1_000);
                    found++;
                }
            }
            if (found >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        return server;
    }

    static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    // Like a browser: the sign-in page gives the session and the CSRF token, the form posts both.
    static HttpClient signIn(String base, String email, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + email + " failed: " + signedIn.statusCode() + " " + location);
        }
        return client;
    }

    static int get(HttpClient client, String url, String run, int page) {
        try {
            // The whole answer is read, and dropped as it comes: the generator shares the machine, so it keeps no copy.
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("X-Bench-Run", run).header("X-Bench-Page", String.valueOf(page)).build(),
                HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
