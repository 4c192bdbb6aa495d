package org.redress.demo;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the past cases as the cases module keeps them (its documented columns): the case,
 * the latest record of each playbook step, the complaint as the customer's message, the
 * lesson of the Learn step (the lessons module's row), and their lines on the timeline.
 */
final class PastCaseRecords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String BY_SURVEY = "The customer, by survey";

    private final JdbcClient jdbc;
    private final PastTimeline timeline;

    PastCaseRecords(JdbcClient jdbc, PastTimeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    /** Stores the cases (oldest first, so their numbers rise with time) and sets their ids. */
    void writeCases(List<PastCase> cases) {
        Rows rows = new Rows(jdbc, "recovery_cases", "customer_id, channel, category, severity, subject, status, outcome, "
            + "assignee_id, team_id, root_cause, responsibility, resolution, promised_by, satisfied, satisfaction, opened_at, "
            + "updated_at, closed_at, version, close_reason");
        for (PastCase c : cases) {
            Boolean satisfied = c.recovered() ? Boolean.TRUE : c.reopened ? Boolean.FALSE : null;
            Integer satisfaction = c.recovered() ? (c.surveyScore != null ? c.surveyScore : Integer.valueOf(4)) : c.surveyScore;
            rows.add(c.customer.id, c.channel.name(), c.category, c.severity, c.subject, "CLOSED", c.outcome, c.agent.id(),
                c.team.id(), c.causeFoundAt == null ? null : c.cause.code(), c.responsibility, c.resolution, c.deliverBy,
                satisfied, satisfaction, c.openedAt, c.closedAt, c.closedAt, 12, c.closeReason);
        }
        List<Long> ids = rows.writeReturningIds();
        for (int i = 0; i < cases.size(); i++) {
            cases.get(i).id = ids.get(i);
        }
    }

    /** Steps, messages and lessons of the stored cases, and their own lines on the timeline. */
    void writeRecords(List<PastCase> cases) {
        Rows steps = new Rows(jdbc, "case_steps", "recovery_case, step, done_at, done_by_id, done_by_name, note");
        Rows messages = new Rows(jdbc, "case_messages", "case_id, direction, channel, author, subject, body, received_at");
        Rows lessons = new Rows(jdbc, "lessons", "case_id, root_cause, lesson, action, owner_id, owner_name, due_on, status, "
            + "recorded_at, recorded_by_name, settled_at, settled_by_name, settled_note");
        for (PastCase c : cases) {
            messages.add(c.id, "INBOUND", c.channel.code(), c.customer.name, c.subject, c.words, c.openedAt);
            timeline.add(c, c.openedAt, null, "opened", "Complaint received via " + c.channel.label().toLowerCase(Locale.ROOT)
                + " (" + c.category + ", severity " + c.severity + ")");
            timeline.add(c, c.openedAt.plusSeconds(40), c.agent, "assigned", "Assigned to " + c.agent.name() + " (team "
                + c.team.name() + ")");
            steps(c, steps);
            if (c.learntAt != null) {
                PastCase.Action action = c.action;
                lessons.add(c.id, c.cause.code(), c.cause.lesson(), action == null ? null : action.what(),
                    action == null ? null : action.owner().id(), action == null ? null : action.owner().name(),
                    action == null ? null : action.due(), action == null ? "NO_ACTION" : action.status(), c.learntAt,
                    c.agent.name(), action == null ? null : action.settledAt(),
                    action == null || action.settledAt() == null ? null : action.owner().name(),
                    action == null ? null : action.settledNote());
            }
            timeline.add(c, c.closedAt, c.agent, "closed", closed(c));
        }
        steps.write();
        messages.write();
        lessons.write();
    }

    private void steps(PastCase c, Rows steps) {
        String first = c.customer.name.split(" ")[0];
        step(c, steps, "ACKNOWLEDGE", c.acknowledgedAt, c.agent, "Dear " + first + ", thank you for telling us. I am sorry about "
            + "this and I am on it; you will hear from me soon.", "Acknowledged the complaint");
        step(c, steps, "LISTEN", c.listenedAt, c.agent, "Took the full account and checked the order.",
            "Recorded the customer's account");
        step(c, steps, "APOLOGIZE", c.apologizedAt, c.agent, "I am truly sorry for the trouble this caused you.",
            "Apologized to the customer");
        if (c.causeFoundAt != null) {
            String ours = c.responsibility.equals("PARTLY_OURS") ? "partly ours" : c.responsibility.equals("OURS") ? "ours" : "not ours";
            step(c, steps, "IDENTIFY_CAUSE", c.causeFoundAt, c.agent, "Confirmed with the team responsible.",
                "Identified the cause: " + c.cause.code() + " (our part: " + ours + ")");
        }
        step(c, steps, "EXPLAIN", c.explainedAt, c.agent, "Told the customer plainly what went wrong and what we do about it.",
            "Explained what went wrong");
        if (c.agreedAt != null) {
            // A remedy the customer accepted is the agreement, concluded by the system.
            PastCase.Person by = c.remedy != null ? null : c.agent;
            String summary = "Agreed the resolution: " + c.resolution + " — to be delivered by " + DAY.format(c.deliverBy)
                + (c.remedy != null ? " (the customer accepted our offer)" : "");
            timeline.add(c, c.agreedAt, by, "step.resolve", summary);
            timeline.add(c, c.fulfilledAt, c.agent, "step.fulfil", "Fulfilled the resolution" + PastTimeline.quoted(fulfilment(c)));
            if (!c.reopened) {
                row(c, steps, "RESOLVE", c.agreedAt, by, c.resolution);
                row(c, steps, "FULFIL", c.fulfilledAt, c.agent, fulfilment(c));
            }
        }
        if (c.surveyAnsweredAt != null) {
            boolean happy = c.recovered();
            String note = "Recovery survey: " + c.surveyScore + " of 5";
            timeline.add(c, c.surveyAnsweredAt, null, BY_SURVEY, "step.follow-up", "Followed up: the customer is "
                + (happy ? "satisfied" : "not satisfied") + " (" + c.surveyScore + "/5)" + PastTimeline.quoted(note));
            if (happy) {
                steps.add(c.id, "FOLLOW_UP", c.surveyAnsweredAt, null, BY_SURVEY, note);
            } else {
                timeline.add(c, c.surveyAnsweredAt, null, BY_SURVEY, "reopened-resolution",
                    "The resolution is reopened: agree a new one with the customer");
            }
        } else if (c.followedUpAt != null) {
            step(c, steps, "FOLLOW_UP", c.followedUpAt, c.agent, "Called the customer: happy with how it was put right.",
                "Followed up: the customer is satisfied (4/5)");
        }
        if (c.learntAt != null) {
            PastCase.Action action = c.action;
            timeline.add(c, c.learntAt, c.agent, "step.learn", "Recorded the lesson" + PastTimeline.quoted(c.cause.lesson())
                + (action == null ? "" : "; the action: " + action.what() + " (due " + DAY.format(action.due()) + ")"));
            row(c, steps, "LEARN", c.learntAt, c.agent, c.cause.lesson());
        }
    }

    private void step(PastCase c, Rows steps, String step, @Nullable Instant at, PastCase.Person by, String note, String summary) {
        if (at != null) {
            row(c, steps, step, at, by, note);
            timeline.add(c, at, by, "step." + step.toLowerCase(Locale.ROOT).replace('_', '-'), summary + PastTimeline.quoted(note));
        }
    }

    private static void row(PastCase c, Rows steps, String step, Instant at, PastCase.@Nullable Person by, @Nullable String note) {
        steps.add(c.id, step, at, by == null ? null : by.id(), by == null ? PastTimeline.SYSTEM : by.name(), note);
    }

    static String fulfilment(PastCase c) {
        return c.remedy != null ? "Delivered, reference R-" + (20_000 + c.id) : "Done as agreed.";
    }

    private static String closed(PastCase c) {
        if (c.closeReason != null) {
            return c.closeReason.equals("SPAM") ? "Closed as spam" : "Closed: not a complaint";
        }
        return (c.recovered() ? "Closed as recovered" : "Closed as not recovered") + PastTimeline.quoted(c.closeNote);
    }
}
