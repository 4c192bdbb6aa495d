package org.redress.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The scenario library. Managers and admins write scenarios; leads and above make drafts from
 * resolved cases (anonymised by {@link Anonymiser}); a lead, manager or admin reads a draft,
 * edits it if need be, and publishes it. Everyone plays published scenarios; a finished play
 * is kept with how many of its moves were the better ones.
 */
@Service
@Transactional
public class Scenarios {

    public enum Origin { WRITTEN, FROM_CASE }

    public enum State { DRAFT, PUBLISHED }

    @Schema(name = "Scenario", description = "A branching conversation to practise on.")
    public record Scenario(@Schema(description = "Identifier.") long id,
                    @Schema(description = "Title.") String title,
                    @Schema(description = "What it is about.") String summary,
                    @Schema(description = "WRITTEN (by a manager) or FROM_CASE (made from a resolved case, anonymised).") Origin origin,
                    @Schema(description = "DRAFT (only leads and above see it) or PUBLISHED.") State state,
                    @Schema(description = "The conversation.") Script script,
                    @Schema(description = "Who wrote or made it.") String createdBy,
                    @Schema(description = "When.") Instant createdAt,
                    @Schema(description = "Who published it after reading it.") @Nullable String publishedBy,
                    @Schema(description = "When.") @Nullable Instant publishedAt) {}

    @Schema(name = "ScenarioDefinition", description = "A scenario written or edited by hand.")
    public record Request(@Schema(description = "Title.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String title,
                   @Schema(description = "What it is about.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String summary,
                   @Schema(description = "The conversation.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Script script) {}

    private final JdbcClient jdbc;
    private final CaseEvidence evidence;
    private final TrainingNotices notices;
    private final AnswerCheck check;

    Scenarios(JdbcClient jdbc, CaseEvidence evidence, TrainingNotices notices, AnswerCheck check) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.notices = notices;
        this.check = check;
    }

    @Transactional(readOnly = true)
    List<Scenario> list(RedressUser reader) {
        return jdbc.sql(SELECT + (reader.supervises() ? "" : " where state = 'PUBLISHED'") + " order by state, title, id")
            .query((rs, n) -> scenario(rs)).list();
    }

    @Transactional(readOnly = true)
    Scenario one(RedressUser reader, long id) {
        Scenario scenario = jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> scenario(rs)).optional()
            .filter(found -> found.state() == State.PUBLISHED || reader.supervises())
            .orElseThrow(() -> new NotFound("There is no scenario " + id + "."));
        return scenario;
    }

    /** A scenario written by a manager or admin, as a draft to publish. */
    public Scenario write(RedressUser by, Request request) {
        if (by.role() != Role.MANAGER && by.role() != Role.ADMIN) {
            throw new Forbidden("Only a manager or an admin writes scenarios; leads make them from resolved cases.");
        }
        Checked checked = checked(request);
        jdbc.sql("insert into training_scenarios (title, summary, origin, body, state, created_by_id, created_by_name, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(checked.title(), checked.summary(), Origin.WRITTEN.name(), checked.script().json(), State.DRAFT.name(), by.id(), by.name(),
                Timestamp.from(notices.now()))
            .update();
        return latestBy(by);
    }

    /** A draft made from a resolved case, its personal data taken out, for a lead to read and publish. */
    public Scenario fromCase(RedressUser by, long caseId) {
        requireLead(by);
        CaseScenario.Draft draft = evidence.scenario(by, caseId);
        jdbc.sql("insert into training_scenarios (title, summary, origin, source_case_id, body, state, created_by_id, created_by_name,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(draft.title(), draft.summary(), Origin.FROM_CASE.name(), caseId, draft.script().json(), State.DRAFT.name(), by.id(),
                by.name(), Timestamp.from(notices.now()))
            .update();
        Scenario made = latestBy(by);
        notices.scenario(by, made.id(), "made from a resolved case: " + made.title());
        return made;
    }

    /** Changes a draft (leads and above). */
    Scenario edit(RedressUser by, long id, Request request) {
        requireLead(by);
        Scenario current = one(by, id);
        if (current.state() != State.DRAFT) {
            throw new Conflict("A published scenario is not changed under those who play it: write a new one.");
        }
        Checked checked = checked(request);
        jdbc.sql("update training_scenarios set title = ?, summary = ?, body = ? where id = ?")
            .params(checked.title(), checked.summary(), checked.script().json(), id).update();
        notices.scenario(by, id, "edited");
        return one(by, id);
    }

    /** Publishes a draft after reading it (leads and above): everyone may play it from now on. */
    public Scenario publish(RedressUser by, long id) {
        requireLead(by);
        if (jdbc.sql("update training_scenarios set state = 'PUBLISHED', published_by_name = ?, published_at = ? where id = ? and state = 'DRAFT'")
                .params(by.name(), Timestamp.from(notices.now()), id).update() == 0) {
            one(by, id);
            throw new Conflict("Scenario " + id + " is published already.");
        }
        notices.scenario(by, id, "published");
        return one(by, id);
    }

    /** Plays the moves; a finished play of a published scenario is kept. */
    public Play play(RedressUser me, long id, @Nullable List<Play.Move> moves) {
        Scenario scenario = one(me, id);
        Play play = Play.of(scenario.script(), moves == null ? List.of() : moves, check::faults);
        if (play.finished() && scenario.state() == State.PUBLISHED) {
            jdbc.sql("insert into training_scenario_plays (scenario_id, user_id, played_at, better_moves, moves) values (?, ?, ?, ?, ?)")
                .params(id, me.id(), Timestamp.from(notices.now()), play.betterMoves(), play.steps().size()).update();
        }
        return play;
    }

    record Checked(String title, String summary, Script script) {}

    private static Checked checked(Request request) {
        Checks checks = new Checks();
        String title = checks.check(() -> Text.required("title", request.title(), 120).trim());
        String summary = checks.check(() -> Text.required("summary", request.summary(), 500).trim());
        Script script = checks.check(() -> {
            if (request.script() == null) {
                throw InvalidInput.field("script", "give the conversation");
            }
            return request.script().verified();
        });
        checks.verify();
        return new Checked(title, summary, script);
    }

    private Scenario latestBy(RedressUser by) {
        return jdbc.sql(SELECT + " where id = (select max(id) from training_scenarios where created_by_id = ?)").param(by.id())
            .query((rs, n) -> scenario(rs)).single();
    }

    private static void requireLead(RedressUser by) {
        if (!by.supervises()) {
            throw new Forbidden("Only a lead, manager or admin makes and publishes scenarios.");
        }
    }

    private static final String SELECT = "select id, title, summary, origin, body, state, created_by_name, created_at, published_by_name,"
        + " published_at from training_scenarios";

    private static Scenario scenario(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Scenario(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), Origin.valueOf(rs.getString("origin")),
            State.valueOf(rs.getString("state")), Script.parse(rs.getString("body")), rs.getString("created_by_name"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("published_by_name"), published == null ? null : published.toInstant());
    }
}
