package org.redress.sla;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Saved queue views, each with how many cases it finds now: over the API and in the console. */
class SavedViewsController {

    @Schema(name = "SavedViewCount", description = "A saved view with how many cases it finds now.")
    record Counted(@Schema(description = "The view.") SavedViews.View view, @Schema(description = "Cases it finds now.") long count) {}

    static List<Counted> counted(SavedViews views, CaseQueue queue, RedressUser me) {
        return views.of(me).stream().map(view -> new Counted(view, queue.count(view.parsed(), me))).toList();
    }

    @RestController
    @Tag(name = "Queue")
    static class Api {

        @Schema(name = "NewSavedView", description = "A queue view to save.")
        record NewView(@Schema(description = "Its name, unique among yours.", example = "Critical, missed") @Nullable String name,
                       @Schema(description = "The queue's URL parameters, as GET /api/v1/queue takes them.",
                           example = "queue=open&severity=1&missed=true") @Nullable String query) {}

        private final SavedViews views;
        private final CaseQueue queue;

        Api(SavedViews views, CaseQueue queue) {
            this.views = views;
            this.queue = queue;
        }

        @GetMapping("/api/v1/queue/views")
        @Operation(summary = "Your saved views", description = "Each with how many cases it finds now, in your scope.")
        List<Counted> list(@AuthenticationPrincipal RedressUser me) {
            return counted(views, queue, me);
        }

        @PostMapping("/api/v1/queue/views")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "Save a view", description = "Filters are checked as the queue checks them (400 names a bad one); "
            + "a name you already use, or a twentieth-first view, is 409.")
        SavedViews.View save(@RequestBody NewView body, @AuthenticationPrincipal RedressUser me) {
            return views.save(me, body.name(), body.query());
        }

        @DeleteMapping("/api/v1/queue/views/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "Delete a saved view", description = "Only your own; another person's is 404.")
        void delete(@Parameter(description = "The saved view's id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
            views.delete(me, id);
        }
    }

    @Controller
    static class Console {

        private final SavedViews views;
        private final CaseQueue queue;

        Console(SavedViews views, CaseQueue queue) {
            this.views = views;
            this.queue = queue;
        }

        /** The saved views with their counts, loaded after the queue (htmx) so counting never slows the queue down. */
        @GetMapping("/cases/views")
        String list(@AuthenticationPrincipal RedressUser me, Model model) {
            model.addAttribute("views", counted(views, queue, me).stream()
                .map(c -> Map.of("id", c.view().id(), "name", c.view().name(), "href", QueueConsoleController.href(c.view().parsed()),
                    "count", c.count()))
                .toList());
            return "sla/saved-views :: views";
        }

        @PostMapping("/cases/views")
        String save(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
            String query = form.getOrDefault("query", "");
            try {
                SavedViews.View saved = views.save(me, form.get("name"), query);
                redirect.addFlashAttribute("done", "Saved the view '" + saved.name() + "'.");
                return "redirect:" + QueueConsoleController.href(saved.parsed());
            } catch (InvalidInput | Conflict refused) {
                redirect.addFlashAttribute("error", refused.getMessage());
                return "redirect:/cases";
            }
        }

        @PostMapping("/cases/views/{id}/delete")
        String delete(@PathVariable long id, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
            try {
                views.delete(me, id);
                redirect.addFlashAttribute("done", "Deleted the saved view.");
            } catch (NotFound missing) {
                redirect.addFlashAttribute("error", missing.getMessage());
            }
            return "redirect:/cases";
        }
    }
}
