package org.redress.identity;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
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

/** The signed-in user's own page: API tokens, password and preferences (the weekly digest). */
@Controller
class AccountConsoleController {

    private final TokenService tokens;
    private final UserManagement users;
    private final Preferences preferences;

    AccountConsoleController(TokenService tokens, UserManagement users, Preferences preferences) {
        this.tokens = tokens;
        this.users = users;
        this.preferences = preferences;
    }

    @GetMapping("/account")
    String page(@AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "account");
        model.addAttribute("tokens", tokens.tokensOf(me));
        model.addAttribute("preferences", preferences.of(me));
        return "account/tokens";
    }

    /** Switches one of the person's preferences; {@code on} is "true" or "false" (the form's button says which). */
    @PostMapping("/account/preferences/{key}")
    String switchPreference(@PathVariable String key, @RequestParam(required = false) @Nullable String on,
                            @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            PreferenceView now = preferences.set(me, key, onOrOff(on));
            redirect.addFlashAttribute("done", "The " + now.label().toLowerCase(Locale.ROOT) + " is " + (now.on() ? "on" : "off") + ".");
        } catch (InvalidInput | NotFound | Forbidden refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/account";
    }

    private static @Nullable Boolean onOrOff(@Nullable String on) {
        if (on == null || on.isBlank()) {
            return null;
        }
        return switch (on.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInput.field("on", "'" + on + "' is neither true nor false");
        };
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
