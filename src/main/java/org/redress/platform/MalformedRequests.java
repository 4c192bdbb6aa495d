package org.redress.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, in one place and before anything is read or written, what no operation can
 * take: a NUL character anywhere in the text a client sends (PostgreSQL cannot store it
 * and H2 would), a {@code Content-Type} that is a pattern ({@code *}{@code /*}) rather
 * than a media type, and more parameters than the server parses. NUL is found in the
 * address, the parameters and form fields, and in JSON and text bodies as they are
 * read (a raw zero byte or the JSON escape backslash-u0000); multipart uploads carry files,
 * which are checked by what reads them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MalformedRequests extends OncePerRequestFilter {

    static final String NUL_DETAIL = "The request contains a NUL character (\\u0000), which no text in Redress may "
        + "contain. Remove it and send the request again; nothing was written.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType contentType;
        try {
            contentType = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            contentType = null; // Spring MVC answers an unreadable Content-Type with 415 itself.
        }
        if (contentType != null && (contentType.isWildcardType() || contentType.isWildcardSubtype())) {
            refuse(request, response, 415, "Unsupported content type", "Content-Type '" + request.getContentType()
                + "' is a pattern, not a media type: name the body's type, e.g. application/json.");
            return;
        }
        String uri = request.getRequestURI();
        if (uri.toLowerCase(Locale.ROOT).contains("%00") || hasNul(request.getQueryString())) {
            refuse(request, response, 400, "Invalid request", NUL_DETAIL);
            return;
        }
        boolean multipart = contentType != null && contentType.getType().equals("multipart");
        if (!multipart) {
            try {
                if (request.getParameterMap().entrySet().stream().anyMatch(MalformedRequests::hasNul)) {
                    refuse(request, response, 400, "Invalid request", NUL_DETAIL);
                    return;
                }
            } catch (InvalidParameterException e) {
                refuse(request, response, 400, "Invalid request", "The parameters could not be read: more than "
                    + "the server accepts, or not properly encoded. Send fewer, percent-encoded parameters.");
                return;
            }
        }
        if (contentType == null || multipart || !textual(contentType)) {
            chain.doFilter(request, response);
            return;
        }
        NulCheckedRequest checked = new NulCheckedRequest(request, isJson(contentType));
        try {
            chain.doFilter(checked, response);
        } catch (RuntimeException | IOException | ServletException e) {
            if (!checked.nulFound() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, 400, "Invalid request", NUL_DETAIL);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
                               String detail) throws IOException {
        ProblemResponses.write(request, response, status, title, detail, Map.of());
    }

    private static boolean hasNul(Map.Entry<String, String[]> parameter) {
        if (parameter.getKey().indexOf(0) >= 0) {
            return true;
        }
        for (String value : parameter.getValue()) {
            if (value != null && value.indexOf(0) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNul(String queryString) {
        return queryString != null && queryString.toLowerCase(Locale.ROOT).contains("%00");
    }

    private static boolean textual(MediaType type) {
        return isJson(type) || type.getType().equals("text") || type.getSubtype().endsWith("xml");
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }
}
