package org.redress.training;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.redress.communications.Purpose;
import org.redress.communications.ToneCoach;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Marks a written answer as the tone coach and the playbook would: it is wrong, with each reason,
 * when it blames the customer, hides behind policy, excuses without owning, or shouts; or when it
 * leaves out what the item asks for (an apology, our part owned, a date or time for what happens
 * next).
 */
@Component
class AnswerCheck {

    /** What a written answer must contain; the faults the tone coach finds are always wrong. */
    enum Need {
        APOLOGY("It needs a plain apology."),
        OWN_PART("It should own our part, e.g. \"we got this wrong\"."),
        DATE("It should say what happens next and by when (a day or a date).");

        final String missing;

        Need(String missing) {
            this.missing = missing;
        }

        static List<Need> parse(String field, String list) {
            List<Need> needs = new ArrayList<>();
            for (String code : list.split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                try {
                    needs.add(valueOf(code.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw InvalidInput.field(field, "'" + code.trim() + "' is not one of APOLOGY, OWN_PART, DATE");
                }
            }
            return needs;
        }
    }

    private static final Set<ToneCoach.Rule> ALWAYS_WRONG = EnumSet.of(ToneCoach.Rule.BLAME, ToneCoach.Rule.POLICY,
        ToneCoach.Rule.EXCUSE, ToneCoach.Rule.SHOUTING);

    private final ToneCoach coach;

    AnswerCheck(ToneCoach coach) {
        this.coach = coach;
    }

    /** Why the answer is wrong; empty when it is right. */
    List<String> faults(String answer, List<Need> needs) {
        List<String> faults = new ArrayList<>();
        List<ToneCoach.Finding> apology = coach.review(answer, Purpose.APOLOGY, "email", "en");
        apology.stream().filter(finding -> ALWAYS_WRONG.contains(finding.rule())).forEach(finding -> faults.add(finding.advice()));
        if (needs.contains(Need.APOLOGY) && apology.stream().anyMatch(finding -> finding.rule() == ToneCoach.Rule.MISSING_APOLOGY)) {
            faults.add(Need.APOLOGY.missing);
        }
        if (needs.contains(Need.OWN_PART) && !coach.ownsOurPart(answer, "en")) {
            faults.add(Need.OWN_PART.missing);
        }
        if (needs.contains(Need.DATE) && coach.review(answer, Purpose.CONFIRMATION, "email", "en").stream()
                .anyMatch(finding -> finding.rule() == ToneCoach.Rule.NO_NEXT_STEP)) {
            faults.add(Need.DATE.missing);
        }
        return faults;
    }
}
