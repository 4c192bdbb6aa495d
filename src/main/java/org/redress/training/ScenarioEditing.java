package org.redress.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.redress.identity.RedressUser;
import org.springframework.stereotype.Component;

/**
 * A draft scenario's words changed from the console's form: the title, the summary, what the
 * customer says at each node and what each move says and why ({@code node.1.customer},
 * {@code node.1.move.0.say}, {@code node.1.move.0.why}). The conversation's shape (which move
 * is better, where each leads) stays as written; the API changes that.
 */
@Component
class ScenarioEditing {

    private final Scenarios scenarios;

    ScenarioEditing(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    Scenarios.Scenario save(RedressUser by, long id, Map<String, String> form) {
        Scenarios.Scenario current = scenarios.one(by, id);
        List<Script.Node> nodes = new ArrayList<>();
        List<Script.Node> was = current.script().nodes();
        for (int i = 0; i < was.size(); i++) {
            Script.Node node = was.get(i);
            List<Script.Move> moves = new ArrayList<>();
            for (int m = 0; m < node.choices().size(); m++) {
                Script.Move move = node.choices().get(m);
                String at = "node." + i + ".move." + m + ".";
                moves.add(new Script.Move(form.getOrDefault(at + "say", move.say()), move.better(), form.getOrDefault(at + "why", move.why()),
                    move.next()));
            }
            nodes.add(new Script.Node(node.key(), form.getOrDefault("node." + i + ".customer", node.customer()), moves, node.written()));
        }
        return scenarios.edit(by, id, new Scenarios.Request(form.getOrDefault("title", current.title()),
            form.getOrDefault("summary", current.summary()), new Script(current.script().start(), nodes)));
    }
}
