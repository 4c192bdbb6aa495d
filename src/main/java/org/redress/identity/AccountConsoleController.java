package org.redress.identity;

import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: API tokens and password. */
@Controller
class AccountConsoleController {

    private final TokenService tokens;
    private final UserManagement users;

    AccountConsoleController(TokenService tokens, UserManagement users) {
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping("/account")
    String page(@AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "account");
        model.addAttribute("tokens", tokens.tokensOf(me));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam String name, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("secret", tokens.issue(me, name).secret());
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", "Revoked the token " + tokens.revoke(me, id).name() + ".");
        } catch (NotFound | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String replacement,
                          @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            users.changeOwnPassword(me, current, replacement);
            redirect.addFlashAttribute("done", "Your password is changed.");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/account";
    }
}
