package org.redress.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.shared.ProblemType;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error answer where Spring MVC cannot (Tomcat's own errors, the security
 * firewall, servlet filters): a problem document for API clients, a short readable page
 * for a person's browser. Both say the same thing.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /**
     * A person's browser gets a page: a console request (not under {@code /api/}) that
     * accepts HTML or comes from htmx. Everything else, and anything unsure, gets JSON.
     */
    static boolean wantsPage(HttpServletRequest request, @Nullable String path) {
        String uri = path != null ? path : request.getRequestURI();
        if (uri == null || uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/actuator")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return request.getHeader("HX-Request") != null || accept != null && accept.contains("text/html");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        write(request, response, status, title, detail, Map.of());
    }

    /** Writes the answer; {@code extra} adds members to the problem document (e.g. {@code outcome}). */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail,
                      Map<String, String> extra) throws IOException {
        byte[] body;
        if (wantsPage(request, null)) {
            response.setContentType("text/html;charset=UTF-8");
            body = page(title, detail).getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType(PROBLEM_JSON);
            body = json(status, title, detail, request.getRequestURI(), extra).getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static String json(int status, String title, String detail, @Nullable String instance, Map<String, String> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemType.forStatus(status).uri().toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.putAll(extra);
        return JSON.writeValueAsString(problem);
    }

    /** A page that needs nothing from the database or the session: it must render during an outage. */
    static String page(String title, String message) {
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%1$s · Redress</title><link rel="stylesheet" href="/css/redress.css"></head>
            <body><main><div class="card" style="max-width:640px">
            <h1>%1$s</h1><p class="muted">%2$s</p>
            <a class="button secondary" href="/cases">Back to the queue</a>
            </div></main></body></html>
            """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
    }
}
