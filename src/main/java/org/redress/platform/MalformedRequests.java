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
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, in one place and before anything is read or written, what no operation can
 * take: a NUL character anywhere in the text a client sends (PostgreSQL cannot store it
 * and H2 would), a {@code Content-Type} that is a pattern ({@code *}{@code /*}) rather
 * than a media type, and more parameters than the server parses. NUL is found in the
 * address, the parameters and form fields, and in JSON and text bodies as they are
 * read (a raw zero byte or the escape {@code \u0000}); multipart uploads carry files,
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
        NulChecked checked = new NulChecked(request, isJson(contentType));
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

    /** Found a NUL character while a body was read; answered with 400 wherever it surfaces. */
    static final class NulCharacter extends IOException {

        NulCharacter() {
            super("NUL character in the request body");
        }
    }

    /**
     * Watches the body go by. In JSON a NUL can only be the escape {@code \u0000} (a raw
     * control character is invalid JSON); a zero byte anywhere is refused too, which also
     * refuses JSON that is not UTF-8 (RFC 8259 requires UTF-8).
     */
    private static final class NulChecked extends HttpServletRequestWrapper {

        private final boolean json;
        private boolean nulFound;
        private ServletInputStream stream;

        NulChecked(HttpServletRequest request, boolean json) {
            super(request);
            this.json = json;
        }

        boolean nulFound() {
            return nulFound;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Scanner(super.getInputStream());
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }

        private final class Scanner extends ServletInputStream {

            private final ServletInputStream original;
            // 0: text; 1: after a backslash; 2..5: after "\\u" and that many minus two zero digits.
            private int state;

            Scanner(ServletInputStream original) {
                this.original = original;
            }

            @Override
            public int read() throws IOException {
                int b = original.read();
                if (b >= 0) {
                    see(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = original.read(buffer, offset, length);
                for (int i = 0; i < n; i++) {
                    see(buffer[offset + i] & 0xff);
                }
                return n;
            }

            private void see(int b) throws NulCharacter {
                if (b == 0) {
                    found();
                }
                if (!json) {
                    return;
                }
                if (state == 0) {
                    state = b == '\\' ? 1 : 0;
                } else if (state == 1) {
                    state = b == 'u' ? 2 : 0;
                } else if (b == '0') {
                    state++;
                    if (state == 6) {
                        found();
                    }
                } else {
                    state = b == '\\' ? 1 : 0;
                }
            }

            private void found() throws NulCharacter {
                nulFound = true;
                state = 0;
                throw new NulCharacter();
            }

            @Override
            public boolean isFinished() {
                return original.isFinished();
            }

            @Override
            public boolean isReady() {
                return original.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                original.setReadListener(listener);
            }
        }
    }
}
