package org.redress.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for users, teams and integrations, with the tokens issued for integrations
 * (the security rules keep everyone else out).
 */
@Controller
class UserConsoleController {

    private final UserManagement users;
    private final TokenService tokens;

    UserConsoleController(UserManagement users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** People shown a page at a time: each row carries a team picker, so hundreds of rows would make a page of megabytes. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/admin/users")
    String page(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") int page,
                @AuthenticationPrincipal RedressUser admin, Model model) {
        List<UserSummary> all = users.users();
        String wanted = q == null ? "" : q.trim().toLowerCase(java.util.Locale.ROOT);
        // Newest first, so that the person just added is at the top; a search finds anyone else.
        List<UserSummary> people = all.stream().filter(user -> user.role().person())
            .filter(user -> wanted.isEmpty() || user.name().toLowerCase(java.util.Locale.ROOT).contains(wanted)
                || user.email().toLowerCase(java.util.Locale.ROOT).contains(wanted))
            .sorted(java.util.Comparator.comparingLong(UserSummary::id).reversed())
            .toList();
        int pages = Math.max(1, (people.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        model.addAttribute("section", "admin");
        model.addAttribute("q", wanted);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("people", people.size());
        model.addAttribute("users", people.subList((shown - 1) * PAGE_SIZE, Math.min(people.size(), shown * PAGE_SIZE)));
        model.addAttribute("integrations", all.stream().filter(user -> !user.role().person()).toList());
        model.addAttribute("integrationTokens", all.stream().filter(user -> !user.role().person())
            .collect(Collectors.toMap(UserSummary::id, user -> tokens.tokensOfIntegration(admin, user.id()))));
        model.addAttribute("teams", users.teams());
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::person).toList());
        return "admin/users";
    }

    @PostMapping("/admin/integrations")
    String createIntegration(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin,
                             RedirectAttributes redirect) {
        return attempt(redirect, () -> "Added the integration " + users.createUser(admin, new UserManagement.NewUser(
            form.get("email"), form.get("name"), null, Role.INTEGRATION.name(), null)).name()
            + ". Issue it a token to send complaints, business events and inbound messages.");
    }

    @PostMapping("/admin/integrations/{id}/tokens")
    String issueToken(@PathVariable long id, @RequestParam String name, @AuthenticationPrincipal RedressUser admin,
                      RedirectAttributes redirect) {
        try {
            TokenService.IssuedToken issued = tokens.issueForIntegration(admin, id, name);
            redirect.addFlashAttribute("secret", issued.secret());
            redirect.addFlashAttribute("done", "Issued the token " + issued.token().name() + ".");
        } catch (InvalidInput | Forbidden | org.redress.shared.NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/integrations/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        return attempt(redirect, () -> "Revoked the token " + tokens.revoke(admin, id).name() + ".");
    }

    @PostMapping("/admin/users")
    String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            UserSummary created = users.createUser(admin, new UserManagement.NewUser(form.get("email"), form.get("name"),
                form.get("password"), form.get("role"), teamId(form.get("teamId"))));
            return "Added " + created.name() + " as " + created.role().label().toLowerCase() + ".";
        });
    }

    @PostMapping("/admin/users/{id}")
    String change(@PathVariable long id, @RequestParam String role, @RequestParam(required = false) @Nullable String teamId,
                  @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            Long team = teamId(teamId);
            UserSummary changed = users.change(admin, id, new UserManagement.UserChange(role, team, team == null, null));
            return "Saved " + changed.name() + ".";
        });
    }

    @PostMapping("/admin/users/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        return attempt(redirect, () -> "Deactivated " + users.deactivate(admin, id).name() + ": they can no longer sign in.");
    }

    @PostMapping("/admin/users/{id}/activate")
    String activate(@PathVariable long id, @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        return attempt(redirect, () -> "Reactivated " + users.activate(admin, id).name() + ".");
    }

    @PostMapping("/admin/teams")
    String createTeam(@RequestParam String name, @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        return attempt(redirect, () -> "Added the team " + users.createTeam(admin, name).name() + ".");
    }

    private static String attempt(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (InvalidInput | Conflict | Forbidden | org.redress.shared.NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/users";
    }

    private static @Nullable Long teamId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field("teamId", "'" + value + "' is not a team");
        }
    }
}
