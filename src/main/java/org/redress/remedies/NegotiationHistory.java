package org.redress.remedies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The negotiation as the customer lived it, in order: what we proposed, what they answered
 * (their amount and their words), and what we answered back. Internal steps (approvals,
 * withdrawn drafts) are not part of it.
 */
@Component
class NegotiationHistory {

    /** One turn: ours ({@code fromUs}) or the customer's, when, and what was said. */
    record Turn(Instant at, boolean fromUs, String text, @Nullable String note) {}

    private final Remedies remedies;
    private final RemedyJournal journal;

    NegotiationHistory(Remedies remedies, RemedyJournal journal) {
        this.remedies = remedies;
        this.journal = journal;
    }

    @Transactional(readOnly = true)
    List<Turn> of(long caseId) {
        List<Turn> turns = new ArrayList<>();
        for (Remedy remedy : remedies.findByCaseIdOrderByIdAsc(caseId)) {
            String terms = journal.terms(remedy);
            if (remedy.offeredAt() != null) {
                turns.add(new Turn(remedy.offeredAt(), true, "We proposed: " + terms
                    + (remedy.deliverBy() == null ? "" : ", delivered by " + remedy.deliverBy()), null));
            }
            if (remedy.customerAgreed() && remedy.grantedAt() != null && remedy.state() != Remedy.State.WITHDRAWN) {
                turns.add(new Turn(remedy.grantedAt(), true, "We agreed to what you proposed: " + terms, null));
            }
            if (remedy.answeredAt() != null && remedy.offeredAt() != null) {
                turns.add(new Turn(remedy.answeredAt(), false, answer(remedy, terms), remedy.customerNote()));
            }
        }
        turns.sort(Comparator.comparing(Turn::at));
        return turns;
    }

    private static String answer(Remedy remedy, String terms) {
        if (remedy.counterAmount() != null) {
            return "You proposed " + remedy.counterAmount() + " instead of " + terms;
        }
        return switch (remedy.state()) {
            case ACCEPTED, FULFILLED -> "You accepted: " + terms;
            case DECLINED -> "You said no, thank you, to " + terms;
            default -> "You proposed something else instead of " + terms;
        };
    }
}
