package org.redress.cases;

import java.util.Map;

import org.redress.identity.RedressUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request whose URL names a case with the path variable {@code {case}} (the API's
 * {@code /api/v1/cases/{case}/...} and the console's {@code /cases/{case}/...}, whichever
 * module serves it: the case page, its timeline, remedies, messages, clocks, promises,
 * survey) is let through only if the signed-in person may act on that case
 * ({@link CaseAccess}). So reading follows the same rule as changing, and an endpoint added
 * later under a case is covered without remembering to check. Commands check again in
 * their service, with what they do, for callers that come another way.
 */
@Configuration(proxyBeanMethods = false)
class CaseUrls implements WebMvcConfigurer {

    private final CaseAccess access;

    CaseUrls(CaseAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                check(request);
                return true;
            }
        });
    }

    private void check(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || !(map.get("case") instanceof String number)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof RedressUser user)) {
            return;
        }
        // An id that is no case number is the controller's "not found" to give.
        CaseNumber.parse(number).ifPresent(caseId -> access.require(caseId, user.actor(), action(request)));
    }

    private static String action(HttpServletRequest request) {
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD") ? "case.read"
            : method + " " + request.getRequestURI().substring(request.getContextPath().length());
    }
}
