package org.redress.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.FormFields;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's console: the case page (the queue is the sla module's, beside the clocks it
 * sorts by). Each action on the case page posts a small form; with htmx the case section is
 * re-rendered in place, without it the browser is redirected back to the case
 * (post/redirect/get). Refusals are shown on the page.
 */
@Controller
class CaseConsoleController {

    private final CaseManagement cases;
    private final CaseSearch search;
    private final Taxonomy taxonomy;
    private final UserManagement users;
    private final Clock clock;
    private final ZoneId businessZone;
    private final TransactionTemplate reading;
    private final ObjectProvider<CaseFiles> files;

    CaseConsoleController(CaseManagement cases, CaseSearch search, Taxonomy taxonomy, UserManagement users, Clock clock,
                          ZoneId businessZone, PlatformTransactionManager transactions, ObjectProvider<CaseFiles> files) {
        this.files = files;
        this.clock = clock;
        this.businessZone = businessZone;
        this.cases = cases;
        this.search = search;
        this.taxonomy = taxonomy;
        this.users = users;
        // The page reads from several services: one read-only transaction holds one connection
        // for all of them and sees one state of the case, instead of a transaction per read.
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @GetMapping("/cases/{case}")
    String show(@PathVariable("case") String number, @AuthenticationPrincipal RedressUser me, Model model) {
        return page(CaseManagement.idOf(number), me, model);
    }

    @PostMapping("/cases/{case}/{action}")
    String act(@PathVariable("case") String number, @PathVariable String action, @RequestParam Map<String, String> form,
               @AuthenticationPrincipal RedressUser me, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
               Model model, RedirectAttributes redirect) {
        long id = CaseManagement.idOf(number);
        String error = null;
        try {
            perform(id, action, form, me);
        } catch (InvalidInput | Conflict | Forbidden refused) {
            error = refused.getMessage();
        } catch (OptimisticLockingFailureException concurrent) {
            error = "Someone changed this case while you were working on it. It is shown as it is now; please try again.";
        }
        if (htmx != null) {
            // The error is shown beside the form that was sent; after a success, focus goes to the next step.
            model.addAttribute("error", error);
            model.addAttribute("errorAt", error == null ? null : action);
            model.addAttribute("acted", error == null ? action : null);
            page(id, me, model);
            return "cases/detail :: case";
        }
        redirect.addFlashAttribute("error", error);
        redirect.addFlashAttribute("errorAt", error == null ? null : action);
        return "redirect:/cases/" + CaseNumber.format(id);
    }

    private void perform(long id, String action, Map<String, String> form, RedressUser me) {
        var actor = me.actor();
        switch (action) {
            case "acknowledge" -> cases.acknowledge(id, actor, form.get("message"));
            case "listen" -> cases.listen(id, actor, form.get("account"));
            case "apologize" -> cases.apologize(id, actor, form.get("apology"));
            case "identify-cause" -> cases.identifyCause(id, actor, form.get("rootCause"), form.get("responsibility"), form.get("note"));
            case "explain" -> cases.explain(id, actor, form.get("explanation"));
            case "resolve" -> cases.resolve(id, actor, form.get("resolution"), FormFields.date("promisedBy", form.get("promisedBy")));
            case "fulfil" -> cases.fulfil(id, actor, form.get("note"));
            case "follow-up" -> cases.followUp(id, actor, yesOrNo(form.get("satisfied")),
                FormFields.wholeNumber("satisfaction", form.get("satisfaction")), form.get("note"));
            case "learn" -> cases.learn(id, actor, form.get("lesson"), form.get("action"), FormFields.choice("actionOwnerId", form.get("actionOwnerId")),
                FormFields.date("actionDue", form.get("actionDue")));
            case "close" -> cases.close(id, actor, new CaseManagement.Closing(form.get("outcome"), form.get("reason"),
                form.get("duplicateOf"), form.get("note")));
            case "reopen" -> cases.reopen(id, actor, form.get("reason"));
            case "assign" -> cases.assign(id, me, FormFields.choice("assigneeId", form.get("assigneeId")), FormFields.choice("teamId", form.get("teamId")));
            case "tags" -> cases.tag(id, actor, Arrays.stream(form.getOrDefault("tags", "").split(","))
                .map(String::trim).filter(tag -> !tag.isEmpty()).toList());
            case "severity" -> cases.changeSeverity(id, actor, FormFields.wholeNumber("severity", form.get("severity")), form.get("reason"));
            case "notes" -> cases.addNote(id, actor, form.get("text"));
            default -> throw new NotFound("There is no action '" + action + "' on a case.");
        }
    }

    private String page(long id, RedressUser me, Model model) {
        reading.executeWithoutResult(status -> read(id, me, model));
        return "cases/detail";
    }

    private void read(long id, RedressUser me, Model model) {
        CaseView view = cases.view(id);
        model.addAttribute("section", "cases");
        model.addAttribute("c", view);
        model.addAttribute("conversation", cases.conversation(id));
        // Staff see the customer's files beside the message they came with (the customer's page does not ask).
        CaseFiles store = files.getIfAvailable();
        model.addAttribute("files", new java.util.HashMap<>(store == null ? Map.of() : store.byMessage(id)));
        // Only those who assign a case to others get the lists to choose from, and everyone the people who may own a
        // lesson's action while the Learn form is on the page: the people are read once, and only when a form shows them.
        boolean assigns = me.supervises();
        boolean learning = !view.closed() && view.step(PlaybookStep.LEARN).available() && !view.step(PlaybookStep.LEARN).done();
        List<UserSummary> people = assigns || learning
            ? users.users().stream().filter(user -> user.active() && user.role().person()).toList() : List.of();
        model.addAttribute("users", assigns ? people : List.of());
        model.addAttribute("teams", assigns ? users.teams() : List.of());
        model.addAttribute("rootCauses", taxonomy.entries(Taxonomy.ROOT_CAUSE, true));
        model.addAttribute("actionOwners", learning ? people : List.of());
        model.addAttribute("otherCases", search.othersOfCustomer(view.customer().id(), id, CaseScope.of(me), 5));
        model.addAttribute("today", LocalDate.now(clock.withZone(businessZone)));
    }

    // Strict: a stale or crafted form must not record "not satisfied" and undo a resolution.
    private static @Nullable Boolean yesOrNo(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInput.field("satisfied", "must be yes or no");
        };
    }
}
