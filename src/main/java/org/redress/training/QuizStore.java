package org.redress.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Quizzes, their items, attempts, answers and the repetition schedule, as stored. */
@Component
class QuizStore {

    private final JdbcClient jdbc;

    QuizStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Header(long id, String code, String title, String description, int passPercent, int items) {}

    List<Header> headers() {
        return jdbc.sql(HEADERS + " order by title")
            .query((rs, n) -> header(rs)).list();
    }

    Header header(long id) {
        return jdbc.sql(HEADERS + " where id = ?").param(id)
            .query((rs, n) -> header(rs)).optional().orElseThrow(() -> new NotFound("There is no quiz " + id + "."));
    }

    Optional<Header> header(String code) {
        return jdbc.sql(HEADERS + " where code = ?").param(code)
            .query((rs, n) -> header(rs)).optional();
    }

    List<Quiz.Item> items(long quizId) {
        return jdbc.sql(ITEMS + " where quiz_id = ? order by position").param(quizId).query((rs, n) -> item(rs)).list();
    }

    Quiz.Item item(long id) {
        return jdbc.sql(ITEMS + " where id = ?").param(id).query((rs, n) -> item(rs)).optional()
            .orElseThrow(() -> new NotFound("There is no quiz item " + id + "."));
    }

    long insertQuiz(String code, String title, String description, int passPercent) {
        jdbc.sql("insert into training_quizzes (code, title, description, pass_percent) values (?, ?, ?, ?)")
            .params(code, title, description, passPercent).update();
        return header(code).orElseThrow().id();
    }

    void insertItem(long quizId, int position, Quiz.Kind kind, Quiz.Topic topic, String prompt, List<String> choices,
                    @Nullable Integer correct, List<AnswerCheck.Need> needs, String why) {
        jdbc.sql("insert into training_quiz_items (quiz_id, position, kind, topic, prompt, choices, correct_choice, checks, why)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(quizId, position, kind.name(), topic.name(), prompt, choices.isEmpty() ? null : String.join("\n", choices), correct,
                needs.isEmpty() ? null : String.join(",", needs.stream().map(Enum::name).toList()), why)
            .update();
    }

    long insertAttempt(long quizId, long userId, Instant at, int correct, int total, int score, boolean passed) {
        jdbc.sql("insert into training_quiz_attempts (quiz_id, user_id, taken_at, correct, total, score, passed) values (?, ?, ?, ?, ?, ?, ?)")
            .params(quizId, userId, Timestamp.from(at), correct, total, score, passed).update();
        return jdbc.sql("select max(id) from training_quiz_attempts where user_id = ? and quiz_id = ?").params(userId, quizId)
            .query(Long.class).single();
    }

    void insertAnswer(long userId, @Nullable Long attemptId, Instant at, Quiz.Verdict verdict) {
        jdbc.sql("insert into training_answers (item_id, user_id, attempt_id, answered_at, answer, correct, reasons) values (?, ?, ?, ?, ?, ?, ?)")
            .params(verdict.itemId(), userId, attemptId, Timestamp.from(at), verdict.answer(), verdict.correct(),
                verdict.reasons().isEmpty() ? null : String.join("\n", verdict.reasons()))
            .update();
    }

    Optional<Repetition> repetition(long userId, long itemId) {
        return jdbc.sql("select repetitions, interval_days, ease_permille from training_practice where user_id = ? and item_id = ?")
            .params(userId, itemId)
            .query((rs, n) -> new Repetition(rs.getInt("repetitions"), rs.getInt("interval_days"), rs.getInt("ease_permille")))
            .optional();
    }

    void schedule(long userId, long itemId, Repetition next, Instant due) {
        jdbc.sql("delete from training_practice where user_id = ? and item_id = ?").params(userId, itemId).update();
        jdbc.sql("insert into training_practice (user_id, item_id, repetitions, interval_days, ease_permille, due_at) values (?, ?, ?, ?, ?, ?)")
            .params(userId, itemId, next.repetitions(), next.intervalDays(), next.easePermille(), Timestamp.from(due)).update();
    }

    record Due(Quiz.Item item, Instant dueAt, int repetitions) {}

    /** The person's scheduled items, soonest first; only those due by then when a moment is given. */
    List<Due> scheduled(long userId, @Nullable Instant dueBy) {
        return jdbc.sql("select p.due_at, p.repetitions, i.* from training_practice p join training_quiz_items i on i.id = p.item_id"
                + " where p.user_id = ?" + (dueBy == null ? "" : " and p.due_at <= ?") + " order by p.due_at, i.id")
            .params(dueBy == null ? List.of(userId) : List.of(userId, Timestamp.from(dueBy)))
            .query((rs, n) -> new Due(item(rs), rs.getTimestamp("due_at").toInstant(), rs.getInt("repetitions"))).list();
    }

    /** The person's latest attempts, newest first. */
    List<Quizzes.Attempt> attempts(long userId, int limit) {
        return jdbc.sql("select a.id, q.title, a.taken_at, a.score, a.passed from training_quiz_attempts a join training_quizzes q"
                + " on q.id = a.quiz_id where a.user_id = ? order by a.taken_at desc, a.id desc fetch first " + limit + " rows only")
            .param(userId)
            .query((rs, n) -> new Quizzes.Attempt(rs.getLong("id"), rs.getString("title"), rs.getTimestamp("taken_at").toInstant(),
                rs.getInt("score"), rs.getBoolean("passed")))
            .list();
    }

    private static final String HEADERS = "select q.id, q.code, q.title, q.description, q.pass_percent,"
        + " (select count(*) from training_quiz_items i where i.quiz_id = q.id) items from training_quizzes q";

    private static final String ITEMS = "select id, quiz_id, kind, topic, prompt, choices, correct_choice, checks, why from training_quiz_items";

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("description"),
            rs.getInt("pass_percent"), rs.getInt("items"));
    }

    private static Quiz.Item item(ResultSet rs) throws SQLException {
        String choices = rs.getString("choices");
        String checks = rs.getString("checks");
        return new Quiz.Item(rs.getLong("id"), rs.getLong("quiz_id"), Quiz.Kind.valueOf(rs.getString("kind")),
            Quiz.Topic.valueOf(rs.getString("topic")), rs.getString("prompt"),
            choices == null ? List.of() : Arrays.asList(choices.split("\n")), rs.getObject("correct_choice", Integer.class),
            checks == null ? List.of() : AnswerCheck.Need.parse("checks", checks), rs.getString("why"));
    }
}
