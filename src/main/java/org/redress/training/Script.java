package org.redress.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scenario's conversation: nodes, each with what the customer says and the moves an agent may
 * make, each move marked better or not, with why, and leading to the node where the customer
 * reacts. A node may also take a written move, checked against playbook needs. A node without
 * moves ends the conversation. Moves lead forward only (no loops), so a play visits a node once.
 */
@Schema(name = "ScenarioScript", description = "A branching conversation: the customer speaks, the agent chooses or writes the next move.")
public record Script(@Schema(description = "The key of the first node.") @Nullable String start,
              @Schema(description = "Every node.") @Nullable List<Node> nodes) {

    static final int MAX_NODES = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Schema(name = "ScenarioNode", description = "What the customer says at this point, and the moves open to the agent (none: the end).")
    public record Node(@Schema(description = "A key, unique in the scenario.") @Nullable String key,
                @Schema(description = "The customer's words.") @Nullable String customer,
                @Schema(description = "Moves to choose from.") @Nullable List<Move> moves,
                @Schema(description = "If the agent may write the move instead: what it must contain and where it leads.")
                @Nullable Written written) {

        public boolean ending() {
            return (moves == null || moves.isEmpty()) && written == null;
        }

        public List<Move> choices() {
            return moves == null ? List.of() : moves;
        }

        /** The first better move: the model answer shown after a written move. */
        public @Nullable Move better() {
            return choices().stream().filter(Move::better).findFirst().orElse(null);
        }
    }

    @Schema(name = "ScenarioMove", description = "A move the agent may make.")
    public record Move(@Schema(description = "What the agent does or says.") @Nullable String say,
                @Schema(description = "Whether this is a better move (the playbook's).") boolean better,
                @Schema(description = "Why it is better or worse.") @Nullable String why,
                @Schema(description = "The node it leads to.") @Nullable String next) {}

    @Schema(name = "ScenarioWrittenMove", description = "A move the agent writes, checked by the tone coach and the playbook needs.")
    public record Written(@Schema(description = "What it must contain: APOLOGY, OWN_PART, DATE.") @Nullable List<String> needs,
                   @Schema(description = "The node it leads to.") @Nullable String next) {

        List<AnswerCheck.Need> checks() {
            return AnswerCheck.Need.parse("needs", needs == null ? "" : String.join(",", needs));
        }
    }

    Node node(String key) {
        return nodes().stream().filter(node -> key.equals(node.key())).findFirst()
            .orElseThrow(() -> InvalidInput.field("node", "there is no node '" + key + "' in this scenario"));
    }

    @Override
    public List<Node> nodes() {
        return nodes == null ? List.of() : nodes;
    }

    /** Refuses a script that cannot be played, naming each field (nodes[1].moves[0].next). */
    Script verified() {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        if (nodes().isEmpty() || nodes().size() > MAX_NODES) {
            errors.add(new InvalidInput.FieldError("nodes", "give 1 to " + MAX_NODES + " nodes"));
        }
        for (int i = 0; i < nodes().size(); i++) {
            Node node = nodes().get(i);
            if (blank(node.key()) || keys.putIfAbsent(node.key(), i) != null) {
                errors.add(new InvalidInput.FieldError("nodes[" + i + "].key", "give each node a key of its own"));
            }
            if (blank(node.customer()) || node.customer().length() > 2_000) {
                errors.add(new InvalidInput.FieldError("nodes[" + i + "].customer", "say what the customer says (at most 2000 characters)"));
            }
        }
        if (blank(start) || !keys.containsKey(start)) {
            errors.add(new InvalidInput.FieldError("start", "name the node the conversation starts at"));
        }
        for (int i = 0; i < nodes().size(); i++) {
            Node node = nodes().get(i);
            String at = "nodes[" + i + "]";
            if (!node.choices().isEmpty() && node.better() == null) {
                errors.add(new InvalidInput.FieldError(at + ".moves", "mark at least one move as the better one"));
            }
            for (int m = 0; m < node.choices().size(); m++) {
                Move move = node.choices().get(m);
                if (blank(move.say())) {
                    errors.add(new InvalidInput.FieldError(at + ".moves[" + m + "].say", "say what the agent does"));
                }
                if (blank(move.why())) {
                    errors.add(new InvalidInput.FieldError(at + ".moves[" + m + "].why", "say why it is better or worse"));
                }
                leadsOn(errors, keys, i, move.next(), at + ".moves[" + m + "].next");
            }
            if (node.written() != null) {
                try {
                    node.written().checks();
                } catch (InvalidInput refused) {
                    errors.add(new InvalidInput.FieldError(at + ".written.needs", refused.errors().get(0).message()));
                }
                if (node.better() == null) {
                    errors.add(new InvalidInput.FieldError(at + ".moves", "a written move needs a better move to show as the model"));
                }
                leadsOn(errors, keys, i, node.written().next(), at + ".written.next");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("The scenario cannot be played: " + errors.get(0).field() + " " + errors.get(0).message() + ".", errors);
        }
        return this;
    }

    // A move leads to a later node, so the conversation always moves on and ends.
    private static void leadsOn(List<InvalidInput.FieldError> errors, Map<String, Integer> keys, int from, @Nullable String next,
                                String field) {
        Integer to = next == null ? null : keys.get(next);
        if (to == null || to <= from) {
            errors.add(new InvalidInput.FieldError(field, "lead to a node further down the list"));
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    String json() {
        return JSON.writeValueAsString(this);
    }

    static Script parse(String json) {
        return JSON.readValue(json, Script.class);
    }

    /** Every text in it, for a scan. */
    Set<String> texts() {
        Set<String> texts = new HashSet<>();
        nodes().forEach(node -> {
            texts.add(node.customer());
            node.choices().forEach(move -> {
                texts.add(move.say());
                texts.add(move.why());
            });
        });
        texts.remove(null);
        return texts;
    }
}
