package org.redress.identity;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The sign-in page: a password form, the identity provider's button, or both, as configured. */
@Controller
class LoginController {

    private final SsoSettings sso;

    LoginController(SsoSettings sso) {
        this.sso = sso;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("passwords", sso.passwords());
        model.addAttribute("ssoLabel", sso.enabled() ? sso.label() : null);
        model.addAttribute("ssoStart", SingleSignOn.START);
        HttpSession session = request.getSession(false);
        if (request.getParameter("refused") != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException refusal) {
            model.addAttribute("refusal", refusal.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        return "login";
    }
}
