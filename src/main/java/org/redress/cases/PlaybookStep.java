package org.redress.cases;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The recovery playbook, in the order an agent walks it. Each step names the steps that
 * must come before it; the declaration order respects them, so the first step not yet
 * done is always one the agent can do now.
 */
public enum PlaybookStep {
    ACKNOWLEDGE("Acknowledge", "Send the customer a first answer: we have heard you and we are on it.", Set.of()),
    LISTEN("Listen", "Record the customer's account in full; ask clarifying questions with care, never argue.", Set.of()),
    APOLOGIZE("Apologize", "Apologize sincerely and personally, one-to-one.", Set.of("ACKNOWLEDGE")),
    IDENTIFY_CAUSE("Identify the cause", "Name the root cause and whose part it was; take responsibility for ours.", Set.of("LISTEN")),
    EXPLAIN("Explain", "Tell the customer plainly and honestly what went wrong: an explanation, not an excuse.", Set.of("IDENTIFY_CAUSE")),
    RESOLVE("Resolve", "Agree a tangible remedy with the customer, and the date by which we will deliver it.", Set.of("ACKNOWLEDGE", "LISTEN")),
    FULFIL("Fulfil", "Deliver the remedy as promised, on time.", Set.of("RESOLVE")),
    FOLLOW_UP("Follow up", "Check back that the customer is truly satisfied. Not a sales call.", Set.of("FULFIL")),
    LEARN("Learn", "Write down the lesson: what went wrong and what we will do to prevent it.", Set.of("IDENTIFY_CAUSE"));

    private final String label;
    private final String guidance;
    private final Set<String> requires;

    PlaybookStep(String label, String guidance, Set<String> requires) {
        this.label = label;
        this.guidance = guidance;
        this.requires = requires;
    }

    public String label() {
        return label;
    }

    /** What the agent should do in this step, shown as the guided next step. */
    public String guidance() {
        return guidance;
    }

    /** The steps that must be done before this one. */
    public Set<PlaybookStep> prerequisites() {
        Set<PlaybookStep> steps = EnumSet.noneOf(PlaybookStep.class);
        requires.forEach(name -> steps.add(valueOf(name)));
        return steps;
    }

    /** The path segment of this step's API action, e.g. {@code identify-cause}. */
    public String action() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
