package org.redress.platform;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses API request bodies larger than {@code redress.api.max-request-bytes} (2 MiB by
 * default) before they are read, so one oversized request cannot exhaust memory. Field
 * limits (e.g. 200 characters for a subject) are checked later and answered with 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(@Value("${redress.api.max-request-bytes:2097152}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.setHeader("Connection", "close");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
                + "\"detail\":\"The request body is " + request.getContentLengthLong() + " bytes; at most " + maxBytes
                + " are accepted.\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
