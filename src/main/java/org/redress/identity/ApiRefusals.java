package org.redress.identity;

import java.io.IOException;

import org.redress.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers an API request the security rules refuse with a problem document that names the
 * rule, and records the refusal in the audit log ({@code access.denied}): who asked for
 * what. Refusals that depend on the case (its team, its holder) are made and recorded by
 * the cases module; these are the ones that depend on the role alone.
 */
final class ApiRefusals implements AccessDeniedHandler {

    static final String INTEGRATIONS_ONLY = "Only integrations post business events and inbound messages: an admin adds "
        + "a user with the role integration and issues its token (POST /api/v1/users/{id}/tokens).";
    static final String NOT_A_PERSON = "Integrations are not people: they post complaints, business events and inbound "
        + "messages, and neither read nor act on cases. A person signed in with their own account does this.";
    static final String ROLE = "Your role does not allow this action.";

    private final AuditTrail audit;

    ApiRefusals(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        RedressUser user = authentication != null && authentication.getPrincipal() instanceof RedressUser u ? u : null;
        String rule = path.startsWith("/api/v1/inbound/") || path.equals("/api/v1/events") ? INTEGRATIONS_ONLY
            : user != null && !user.role().person() ? NOT_A_PERSON
            : ROLE;
        if (user != null) {
            audit.record(user.actor(), "access.denied", "request:" + path, request.getMethod() + " " + path + ": " + rule);
        }
        SecurityConfig.problem(response, 403, "Forbidden", rule);
    }
}
