package org.redress.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One action on many cases, selected in the queue: assign, change severity, or close for a
 * reason (a duplicate, spam, not a complaint). All or nothing, in one transaction: every case
 * is checked against the same access rule as one at a time, and if any is refused, or any
 * change is refused, no case is changed and the refusal names the cases.
 */
@Service
@Transactional
public class BulkActions {

    public static final int MAX_CASES = 200;

    /** The action, on the cases named by their numbers, with what it needs. */
    public record Request(@Nullable List<String> cases, @Nullable String action, @Nullable Long assigneeId,
                          @Nullable Long teamId, @Nullable Integer severity, @Nullable String reason,
                          @Nullable String duplicateOf, @Nullable String note) {}

    private final CaseManagement cases;
    private final CaseAccess access;

    BulkActions(CaseManagement cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    /** The cases as they are after the action, in the order given. */
    public List<CaseView> apply(RedressUser by, Request request) {
        String action = action(request.action());
        List<Long> ids = ids(request.cases());
        if (action.equals("closed") && (request.reason() == null || request.reason().isBlank())) {
            throw InvalidInput.field("reason", "is required: duplicate, spam or not-a-complaint");
        }
        checkEach(by, ids, "case." + action);
        List<CaseView> changed = new ArrayList<>(ids.size());
        for (long id : ids) {
            changed.add(switch (action) {
                case "assigned" -> cases.assign(id, by, request.assigneeId(), request.teamId());
                case "severity-changed" -> cases.changeSeverity(id, by.actor(), request.severity(), request.note());
                default -> cases.close(id, by.actor(), new CaseManagement.Closing(null, request.reason(),
                    request.duplicateOf(), request.note()));
            });
        }
        return changed;
    }

    // Each case refused is audited and named; one refusal stops the whole action before any change.
    private void checkEach(RedressUser by, List<Long> ids, String action) {
        List<String> refused = new ArrayList<>();
        String rule = null;
        for (long id : ids) {
            try {
                access.require(id, by.actor(), action);
            } catch (Forbidden denied) {
                refused.add(CaseNumber.format(id));
                rule = rule == null ? denied.getMessage() : rule;
            }
        }
        if (!refused.isEmpty()) {
            throw new Forbidden("Nothing was changed: you may not act on " + String.join(", ", refused) + ". " + rule);
        }
    }

    private static String action(@Nullable String action) {
        String normalised = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
        return switch (normalised) {
            case "assign" -> "assigned";
            case "severity" -> "severity-changed";
            case "close" -> "closed";
            default -> throw InvalidInput.field("action", "must be assign, severity or close");
        };
    }

    private static List<Long> ids(@Nullable List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            throw InvalidInput.field("cases", "select at least one case");
        }
        if (numbers.size() > MAX_CASES) {
            throw InvalidInput.field("cases", "at most " + MAX_CASES + " cases at once");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String number : numbers) {
            ids.add(CaseNumber.parse(number == null ? "" : number.trim())
                .orElseThrow(() -> InvalidInput.field("cases", "'" + number + "' is not a case number")));
        }
        return List.copyOf(ids);
    }
}
