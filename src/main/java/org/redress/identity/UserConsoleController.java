package org.redress.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users and teams (the security rules keep everyone else out). */
@Controller
class UserConsoleController {

    private final UserManagement users;

    UserConsoleController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String page(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("users", users.users());
        model.addAttribute("teams", users.teams());
        model.addAttribute("roles", Role.values());
        return "admin/users";
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
        } catch (InvalidInput | Conflict | org.redress.shared.NotFound refused) {
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
