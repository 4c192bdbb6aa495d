package org.redress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running application over real HTTP, as a client of the API would. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** An answer whose body is bytes, as received (a downloaded file). */
    public record Download(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final String base;
    private final String authorization;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Http basic(int port, String email, String password) {
        return new Http("http://127.0.0.1:" + port, "Basic " + Base64.getEncoder()
            .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Http bearer(int port, String token) {
        return new Http("http://127.0.0.1:" + port, "Bearer " + token);
    }

    public static Http anonymous(int port) {
        return new Http("http://127.0.0.1:" + port, null);
    }

    public Http with(String header, String value) {
        Http copy = new Http(base, authorization);
        copy.extraHeaders.putAll(extraHeaders);
        copy.extraHeaders.put(header, value);
        return copy;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Response patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", publisher(body)));
    }

    /** Gets a page as a browser does. */
    public Response html(String path) {
        return send(builder(path).setHeader("Accept", "text/html").GET());
    }

    /**
     * Submits a console form as a browser does: loads the page for its session cookie and
     * CSRF token, then posts the form with both.
     */
    public Response postFormWithCsrf(String pagePath, String actionPath, Map<String, String> form) {
        Response page = html(pagePath);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        String csrf = token.find() ? token.group(1) : "";
        String cookie = page.header("Set-Cookie") == null ? "" : page.header("Set-Cookie").split(";", 2)[0];
        StringBuilder body = new StringBuilder("_csrf=").append(java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        form.forEach((name, value) -> body.append('&').append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
            .append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = builder(actionPath).setHeader("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    /** Gets a file, keeping its bytes exactly. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder(path).setHeader("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            return new Download(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    private HttpRequest.BodyPublisher publisher(Object body) {
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
