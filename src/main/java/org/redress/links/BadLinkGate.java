package org.redress.links;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before any customer page runs, a client that has presented too many bad links is refused
 * (429), whatever link it brings now: a guesser learns nothing more, and costs no look-up.
 * The client's address is the request's, which the trusted-proxy setting
 * ({@code REDRESS_TRUSTED_PROXIES}) makes the forwarded one behind a proxy.
 */
@Configuration(proxyBeanMethods = false)
class BadLinkGate implements WebMvcConfigurer, HandlerInterceptor {

    /** Every customer link's path: case pages, surveys, incident pages. */
    static final String[] CUSTOMER_PATHS = {"/c/**", "/s/**", "/i/**"};

    private final BadLinkThrottle throttle;

    BadLinkGate(BadLinkThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(CUSTOMER_PATHS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Duration wait = throttle.waitFor(request.getRemoteAddr());
        if (!wait.isZero()) {
            // Whole seconds, rounded up: a client that waits that long is let in.
            throw BadLink.tooMany(wait.plusMillis(999).toSeconds());
        }
        return true;
    }
}
