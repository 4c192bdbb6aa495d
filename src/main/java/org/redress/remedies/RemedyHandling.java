package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Text;
import org.springframework.stereotype.Component;

/** Whoever handles a remedy takes it back before it is agreed, or records it as delivered. */
@Component
class RemedyHandling {

    private final Remedies remedies;
    private final RemedyGuards guards;
    private final RemedyJournal journal;
    private final BusinessDay day;

    RemedyHandling(Remedies remedies, RemedyGuards guards, RemedyJournal journal, BusinessDay day) {
        this.remedies = remedies;
        this.guards = guards;
        this.journal = journal;
        this.day = day;
    }

    Remedy withdraw(long remedyId, RedressUser by, @Nullable String reason) {
        String text = Text.optional("reason", reason, 1_000);
        Remedy remedy = guards.handled(remedyId, by, "remedy.withdrawn");
        remedy.withdraw(text, day.now());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, by.actor(), "withdrawn", "Remedy withdrawn: " + journal.terms(saved) + (text == null ? "" : " — " + text));
        return saved;
    }

    Remedy fulfil(long remedyId, RedressUser by, @Nullable String reference) {
        String ref = Text.required("reference", reference, 200).strip();
        Remedy remedy = guards.handled(remedyId, by, "remedy.fulfilled");
        remedy.fulfil(ref, day.now());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, by.actor(), "fulfilled", "Remedy fulfilled: " + journal.terms(saved) + " (reference " + ref + ")");
        return saved;
    }
}
