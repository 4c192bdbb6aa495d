package org.redress.platform;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request that meets a database outage anywhere (signing in, a filter, a console page,
 * rendering) is answered 503 with {@code Retry-After} and an honest word on what
 * happened to it, instead of a stack trace or a misleading 401 or 500. API controllers
 * answer the same through {@link ApiProblems}; this catches everything else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OutageAnswers extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OutageAnswers.class);

    private final Outages outages;

    OutageAnswers(Outages outages) {
        this.outages = outages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            Outages.Outage outage = outages.of(e);
            if (outage == null || response.isCommitted()) {
                throw e;
            }
            answer(request, response, outage, e);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Outages.Outage outage, Exception e)
            throws IOException {
        log.warn("{} {} refused: {} ({})", request.getMethod(), request.getRequestURI(), outage.title(), rootMessage(e));
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, outages.retryAfterSeconds());
        ProblemResponses.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, outage.title(),
            outage.detail(), Map.of("outcome", outage.outcome()));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
