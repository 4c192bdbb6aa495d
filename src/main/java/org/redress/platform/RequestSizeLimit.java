package org.redress.platform;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses API request bodies larger than {@code redress.api.max-request-bytes} (2 MiB by
 * default; {@code redress.api.max-inbound-bytes}, 20 MiB, for requests that carry files: inbound email and replies
 * to customers) before they are read, so one oversized request cannot exhaust memory. Field
 * limits (e.g. 200 characters for a subject) are checked later and answered with 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private static final java.util.regex.Pattern CARRIES_FILES = java.util.regex.Pattern.compile("/api/v1/cases/[^/]+/replies");

    private final long maxBytes;
    private final long maxInboundBytes;

    // Inbound email and replies carry attachments (base64, a third larger): they get a larger allowance.
    RequestSizeLimit(@Value("${redress.api.max-request-bytes:2097152}") long maxBytes,
                     @Value("${redress.api.max-inbound-bytes:20971520}") long maxInboundBytes) {
        this.maxBytes = maxBytes;
        this.maxInboundBytes = maxInboundBytes;
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/inbound/") || CARRIES_FILES.matcher(path).matches() ? maxInboundBytes : maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        // A chunked body announces no length: count it as it is read and stop at the limit.
        LimitedRequest limited = new LimitedRequest(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (RuntimeException | IOException | ServletException e) {
            if (!limited.exceeded() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long maxBytes = limitFor(request);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/problem+json");
        response.setHeader("Connection", "close");
        response.getWriter().write(ProblemResponses.json(413, "Request too large", "The request body is larger than the "
            + maxBytes + " bytes accepted (at most " + maxBytes + ").", request.getRequestURI(), java.util.Map.of()));
    }

    /** Thrown while reading a body past the limit; answered with 413 wherever it surfaces. */
    static final class TooLarge extends IOException {

        private final long maxBytes;

        TooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        long maxBytes() {
            return maxBytes;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private boolean exceeded;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream original = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = original.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = original.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > maxBytes) {
                            exceeded = true;
                            throw new TooLarge(maxBytes);
                        }
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
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                        original.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
