package org.redress.lessons;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseCategories;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.FormFields;
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

/** The Lessons page: what cases taught and the actions still to see through, with their owners and dates. */
@Controller
class LessonsPageController {

    private final Lessons lessons;
    private final LessonActions actions;
    private final CaseCategories taxonomy;
    private final UserManagement users;

    LessonsPageController(Lessons lessons, LessonActions actions, CaseCategories taxonomy, UserManagement users) {
        this.lessons = lessons;
        this.actions = actions;
        this.taxonomy = taxonomy;
        this.users = users;
    }

    @GetMapping("/lessons")
    String page(@RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "false") boolean mine,
                @AuthenticationPrincipal RedressUser me, Model model) {
        List<Lesson> list;
        try {
            list = lessons.list(me, show, mine, Lessons.MAX_LIMIT);
        } catch (InvalidInput refused) {
            model.addAttribute("error", refused.getMessage());
            show = "open";
            list = lessons.list(me, show, mine, Lessons.MAX_LIMIT);
        }
        model.addAttribute("section", "lessons");
        model.addAttribute("show", show.toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("mine", mine);
        model.addAttribute("lessons", list);
        model.addAttribute("causes", taxonomy.rootCauseLabels());
        model.addAttribute("today", lessons.today());
        // Only those who give an action to someone else get the list to choose from.
        model.addAttribute("people", me.supervises() && list.stream().anyMatch(l -> l.status() == Lesson.Status.OPEN)
            ? users.users().stream().filter(user -> user.active() && user.role().person()).toList() : List.of());
        return "lessons/list";
    }

    @PostMapping("/lessons/{id}/done")
    String done(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me,
                RedirectAttributes redirect) {
        return attempt(form, redirect, () -> "Marked done: " + actions.done(me, id, form.get("note")).action());
    }

    @PostMapping("/lessons/{id}/drop")
    String drop(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me,
                RedirectAttributes redirect) {
        return attempt(form, redirect, () -> "Dropped: " + actions.drop(me, id, form.get("reason")).action());
    }

    @PostMapping("/lessons/{id}/change")
    String change(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me,
                  RedirectAttributes redirect) {
        return attempt(form, redirect, () -> {
            Lesson changed = actions.change(me, id, FormFields.choice("ownerId", form.get("ownerId")), FormFields.date("dueOn", form.get("dueOn")));
            return "Now with " + changed.ownerName() + ", due " + changed.dueOn() + ": " + changed.action();
        });
    }

    // Back to the list the person acted from, with what happened or why it was refused.
    private static String attempt(Map<String, String> form, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (InvalidInput | Conflict | Forbidden | NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        redirect.addAttribute("show", form.getOrDefault("show", "open"));
        redirect.addAttribute("mine", Boolean.parseBoolean(form.get("mine")));
        return "redirect:/lessons";
    }
}
