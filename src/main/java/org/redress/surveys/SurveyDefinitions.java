package org.redress.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.CaseCategories;
import org.redress.identity.RedressUser;
import org.redress.shared.Checks;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.redress.signals.EventType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** Surveys and their rules: made and changed by leads, managers and admins, every field checked. */
@Service
@Transactional
class SurveyDefinitions {

    @Schema(name = "SurveyForm", description = "A survey to create or change.")
    record Form(
        @Schema(description = "Name, unique.", requiredMode = Schema.RequiredMode.REQUIRED, example = "After delivery") @Nullable String name,
        @Schema(description = "CSAT, NPS or TEXT.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String kind,
        @Schema(description = "The question.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String question,
        @Schema(description = "The invitation to say more (default: 'Anything you would like to tell us?').") @Nullable String commentPrompt,
        @Schema(description = "AFTER_EVENTS (default) or RECOVERY.") @Nullable String purpose,
        @Schema(description = "Business event types that invite (AFTER_EVENTS), e.g. [\"DELIVERED\", \"SERVICE_VISIT\"].") @Nullable List<String> triggerEvents,
        @Schema(description = "Share of trigger events that invite, 0-100 (default 100).") @Nullable Integer samplePercent,
        @Schema(description = "Days a customer is not invited again after any invitation, 0-365 (default 30).") @Nullable Integer quietDays,
        @Schema(description = "A score at or below this opens a case (default: 2 for CSAT, 6 for NPS); -1 for never.") @Nullable Integer caseThreshold,
        @Schema(description = "Category of the cases it opens (default: other).") @Nullable String category,
        @Schema(description = "Language of the invitation (default: en).") @Nullable String language,
        @Schema(description = "Whether it is sent (default true).") @Nullable Boolean active) {}

    static final String DEFAULT_COMMENT_PROMPT = "Anything you would like to tell us?";
    private static final String COLUMNS = """
        id, name, kind, question, comment_prompt, purpose, trigger_events, sample_percent, quiet_days, case_threshold,
        category, language, active, created_at""";

    private final JdbcClient jdbc;
    private final CaseCategories categories;
    private final AuditTrail audit;
    private final Clock clock;

    SurveyDefinitions(JdbcClient jdbc, CaseCategories categories, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Survey> all() {
        return jdbc.sql("select " + COLUMNS + " from surveys order by active desc, name").query(SurveyDefinitions::map).list();
    }

    @Transactional(readOnly = true)
    Survey get(long id) {
        return find(id).orElseThrow(() -> new NotFound("There is no survey " + id + "."));
    }

    @Transactional(readOnly = true)
    Optional<Survey> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from surveys where id = ?").param(id).query(SurveyDefinitions::map).optional();
    }

    /** The active surveys that business events trigger; few exist, so each event's type is matched by the caller. */
    @Transactional(readOnly = true)
    List<Survey> afterEvents() {
        return jdbc.sql("select " + COLUMNS + " from surveys where active and purpose = 'AFTER_EVENTS' order by id")
            .query(SurveyDefinitions::map).list();
    }

    /** The active recovery survey (the first made, if several are). */
    @Transactional(readOnly = true)
    Optional<Survey> recoverySurvey() {
        return jdbc.sql("select " + COLUMNS + " from surveys where active and purpose = 'RECOVERY' order by id")
            .query(SurveyDefinitions::map).list().stream().findFirst();
    }

    Survey create(RedressUser by, Form form) {
        requireSupervisor(by, "set up surveys");
        Survey checked = check(form, 0);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into surveys (name, kind, question, comment_prompt, purpose, trigger_events, sample_percent,
                        quiet_days, case_threshold, category, language, active, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(values(checked, Timestamp.from(now), Timestamp.from(now))).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw InvalidInput.field("name", "'" + checked.name() + "' is the name of another survey");
        }
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(by.actor(), "survey.created", "survey:" + id, checked.name());
        return get(id);
    }

    Survey update(RedressUser by, long id, Form form) {
        requireSupervisor(by, "set up surveys");
        get(id);
        Survey checked = check(form, id);
        try {
            jdbc.sql("""
                    update surveys set name = ?, kind = ?, question = ?, comment_prompt = ?, purpose = ?, trigger_events = ?,
                        sample_percent = ?, quiet_days = ?, case_threshold = ?, category = ?, language = ?, active = ?,
                        updated_at = ?
                    where id = ?""")
                .params(updateValues(checked, id)).update();
        } catch (DuplicateKeyException e) {
            throw InvalidInput.field("name", "'" + checked.name() + "' is the name of another survey");
        }
        audit.record(by.actor(), "survey.changed", "survey:" + id, checked.name() + (checked.active() ? "" : " (inactive)"));
        return get(id);
    }

    // The columns in the order both statements list them, then the two that differ.
    private static Object[] values(Survey s, Object last1, Object last2) {
        return new Object[] {s.name(), s.kind().name(), s.question(), s.commentPrompt(), s.purpose().name(),
            String.join(",", s.triggerEvents().stream().map(Enum::name).toList()), s.samplePercent(), s.quietDays(),
            s.caseThreshold(), s.category(), s.language(), s.active(), last1, last2};
    }

    private Object[] updateValues(Survey s, long id) {
        return values(s, Timestamp.from(clock.instant()), id);
    }

    private Survey check(Form form, long id) {
        Checks checks = new Checks();
        String name = checks.check(() -> Text.required("name", form.name(), 100).strip());
        SurveyKind kind = checks.check(() -> parse(SurveyKind.class, "kind", form.kind(), null));
        String question = checks.check(() -> Text.required("question", form.question(), 300).strip());
        String prompt = checks.check(() -> {
            String text = Text.optional("commentPrompt", form.commentPrompt(), 300);
            return text == null || text.isBlank() ? DEFAULT_COMMENT_PROMPT : text.strip();
        });
        SurveyPurpose purpose = checks.check(() -> parse(SurveyPurpose.class, "purpose", form.purpose(), SurveyPurpose.AFTER_EVENTS));
        List<EventType> triggers = checks.check(() -> triggers(form.triggerEvents(), purpose));
        Integer sample = checks.check(() -> range("samplePercent", form.samplePercent(), 100, 0, 100));
        Integer quiet = checks.check(() -> range("quietDays", form.quietDays(), 30, 0, 365));
        Integer threshold = checks.check(() -> threshold(form.caseThreshold(), kind));
        String category = checks.check(() -> categories.require("category",
            form.category() == null || form.category().isBlank() ? "other" : form.category()));
        String language = checks.check(() -> {
            String text = form.language() == null || form.language().isBlank() ? "en" : form.language().trim().toLowerCase(Locale.ROOT);
            if (!text.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
                throw InvalidInput.field("language", "'" + form.language() + "' is not a language code such as en or pt-br");
            }
            return text;
        });
        checks.verify();
        return new Survey(id, name, kind, question, prompt, purpose, triggers, sample, quiet, threshold, category, language,
            form.active() == null || form.active(), clock.instant());
    }

    private static List<EventType> triggers(@Nullable List<String> given, @Nullable SurveyPurpose purpose) {
        List<EventType> types = given == null ? List.of() : given.stream().filter(t -> t != null && !t.isBlank())
            .map(t -> EventType.parse("triggerEvents", t)).distinct().toList();
        if (purpose == SurveyPurpose.AFTER_EVENTS && types.isEmpty()) {
            throw InvalidInput.field("triggerEvents", "needs at least one business event type, e.g. DELIVERED or SERVICE_VISIT");
        }
        return purpose == SurveyPurpose.RECOVERY ? List.of() : types;
    }

    private static @Nullable Integer threshold(@Nullable Integer given, @Nullable SurveyKind kind) {
        if (kind == null || !kind.scored()) {
            return null;
        }
        if (given == null) {
            return kind.defaultThreshold();
        }
        if (given == -1) {
            return null;
        }
        if (given < kind.min() || given >= kind.max()) {
            throw InvalidInput.field("caseThreshold", "must be from " + kind.min() + " to " + (kind.max() - 1)
                + " for a " + kind + " survey, or -1 for never");
        }
        return given;
    }

    private static int range(String field, @Nullable Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw InvalidInput.field(field, "must be from " + min + " to " + max + ", not " + v);
        }
        return v;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String value, @Nullable E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw InvalidInput.field(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "'" + value + "' is not one of " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** Surveys and their answers are for leads, managers and admins. */
    static void requireSupervisor(RedressUser me, String what) {
        if (!me.supervises()) {
            throw new Forbidden("Only leads, managers and admins " + what + ".");
        }
    }

    private static Survey map(ResultSet rs, int n) throws SQLException {
        String triggers = rs.getString("trigger_events");
        Integer threshold = rs.getObject("case_threshold", Integer.class);
        return new Survey(rs.getLong("id"), rs.getString("name"), SurveyKind.valueOf(rs.getString("kind")),
            rs.getString("question"), rs.getString("comment_prompt"), SurveyPurpose.valueOf(rs.getString("purpose")),
            triggers.isBlank() ? List.of() : Arrays.stream(triggers.split(",")).map(EventType::valueOf).toList(),
            rs.getInt("sample_percent"), rs.getInt("quiet_days"), threshold,
            rs.getString("category"), rs.getString("language"), rs.getBoolean("active"),
            rs.getTimestamp("created_at").toInstant());
    }
}
