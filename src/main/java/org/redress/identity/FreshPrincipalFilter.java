package org.redress.identity;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A console session holds the user as they were at sign-in (with a password, or through the
 * identity provider). This takes them as they are now on every request (from {@link SignedInCache},
 * which forgets them at any change), so a deactivation or a role change takes effect at once, not
 * at the next login; the request then works with the Redress account.
 */
class FreshPrincipalFilter extends OncePerRequestFilter {

    private final Directory directory;
    private final SignedInCache signedIn;

    FreshPrincipalFilter(Directory directory, SignedInCache signedIn) {
        this.directory = directory;
        this.signedIn = signedIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Long signedInId = authentication == null ? null
            : authentication.getPrincipal() instanceof RedressUser signedIn ? Long.valueOf(signedIn.id())
            : authentication.getPrincipal() instanceof SsoPrincipal throughProvider ? Long.valueOf(throughProvider.userId())
            : null;
        if (signedInId != null) {
            Optional<RedressUser> current = signedIn.person(signedInId, () -> directory.activePerson(signedInId));
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?signedOut");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                current.get(), null, current.get().getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
