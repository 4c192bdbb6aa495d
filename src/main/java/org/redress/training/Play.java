package org.redress.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A scenario played through a series of moves from its start: each move is a choice at the node
 * the conversation has reached, or written words where the node takes them; each is marked
 * (better or not, why, and for written words what the tone coach and the playbook found). The
 * play is finished when it reaches a node without moves.
 */
@Schema(name = "ScenarioPlay", description = "A scenario played so far: each move marked, and where the conversation stands.")
public record Play(@Schema(description = "Each move, marked.") List<Step> steps,
            @Schema(description = "The node the conversation has reached.") Script.Node at,
            @Schema(description = "Whether it reached an end.") boolean finished,
            @Schema(description = "Better moves made.") int betterMoves) {

    @Schema(name = "ScenarioMoveMade", description = "A move: a choice by index, or written words.")
    public record Move(@Schema(description = "The index of the chosen move, from 0.") @Nullable Integer choice,
                @Schema(description = "Written words, where the node takes them.") @Nullable String text) {}

    @Schema(name = "ScenarioStep", description = "One move, marked.")
    public record Step(@Schema(description = "The node's key.") String node,
                @Schema(description = "What the customer said.") String customer,
                @Schema(description = "What the agent did or wrote.") String said,
                @Schema(description = "Whether it was a better move.") boolean better,
                @Schema(description = "Why it was better or worse.") String why,
                @Schema(description = "For written words: what to change; empty otherwise or when right.") List<String> faults,
                @Schema(description = "For written words: the better move, as a model.") @Nullable String model) {}

    /** Plays the moves; {@code check} marks written words against the node's needs (the faults, empty when right). */
    static Play of(Script script, List<Move> moves, BiFunction<String, List<AnswerCheck.Need>, List<String>> check) {
        Script.Node at = script.node(script.start());
        List<Step> steps = new ArrayList<>();
        int better = 0;
        for (int i = 0; i < moves.size(); i++) {
            String field = "moves[" + i + "]";
            if (at.ending()) {
                throw InvalidInput.field(field, "the conversation had ended");
            }
            Move move = moves.get(i);
            Step step;
            String next;
            if (move.text() != null && !move.text().isBlank()) {
                if (at.written() == null) {
                    throw InvalidInput.field(field + ".text", "choose one of the moves here");
                }
                String words = move.text().trim();
                if (words.length() > 2_000) {
                    throw InvalidInput.field(field + ".text", "write at most 2000 characters");
                }
                List<String> faults = check.apply(words, at.written().checks());
                Script.Move model = at.better();
                step = new Step(at.key(), at.customer(), words, faults.isEmpty(), faults.isEmpty()
                    ? "It does what the playbook asks here." : "Not yet what the playbook asks here.", faults, model == null ? null : model.say());
                next = at.written().next();
            } else {
                Integer choice = move.choice();
                if (choice == null || choice < 0 || choice >= at.choices().size()) {
                    throw InvalidInput.field(field + ".choice", "choose one of the " + at.choices().size() + " moves (0 to "
                        + (at.choices().size() - 1) + ")");
                }
                Script.Move chosen = at.choices().get(choice);
                step = new Step(at.key(), at.customer(), chosen.say(), chosen.better(), chosen.why(), List.of(), null);
                next = chosen.next();
            }
            steps.add(step);
            better += step.better() ? 1 : 0;
            at = script.node(next);
        }
        return new Play(steps, at, at.ending(), better);
    }
}
