package org.redress.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Quizzes on the playbook: managers write them; anyone takes them. A choice is right or wrong;
 * a written answer is marked by {@link AnswerCheck}. Each answer is kept with why it was wrong;
 * a missed item comes back on its own schedule ({@link Repetition}) until it is answered right
 * at longer and longer intervals. A pass may complete a certification.
 */
@Service
@Transactional
public class Quizzes {

    static final int MAX_ITEMS = 30;

    @Schema(name = "QuizItemDefinition", description = "A question to add to a new quiz.")
    public record ItemRequest(@Schema(description = "CHOICE or WRITTEN.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String kind,
                       @Schema(description = "NEXT_STEP, REMEDY, PUBLIC_REPLY or WRITTEN_REPLY.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String topic,
                       @Schema(description = "The question.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String prompt,
                       @Schema(description = "For CHOICE: 2 to 6 choices.") @Nullable List<String> choices,
                       @Schema(description = "For CHOICE: the index of the right choice, from 0.") @Nullable Integer correct,
                       @Schema(description = "For WRITTEN: what the answer must contain: APOLOGY, OWN_PART, DATE.") @Nullable List<String> needs,
                       @Schema(description = "The better answer and why.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String why) {}

    @Schema(name = "QuizSummary", description = "A quiz, and how the reader has done on it.")
    public record Summary(@Schema(description = "Identifier.") long id,
                   @Schema(description = "Code.") String code,
                   @Schema(description = "Title.") String title,
                   @Schema(description = "What it practises.") String description,
                   @Schema(description = "Items.") int items,
                   @Schema(description = "The percentage that passes.") int passPercent,
                   @Schema(description = "The reader's best score so far; none when not taken.") @Nullable Integer bestScore,
                   @Schema(description = "Whether the reader has passed it.") boolean passed) {}

    @Schema(name = "QuizResult", description = "An attempt, marked.")
    public record Result(@Schema(description = "The attempt's id.") long attemptId,
                  @Schema(description = "The quiz.") long quizId,
                  @Schema(description = "Its title.") String title,
                  @Schema(description = "Items answered right.") int correct,
                  @Schema(description = "Items in all.") int total,
                  @Schema(description = "Percentage right.") int score,
                  @Schema(description = "Whether it passes.") boolean passed,
                  @Schema(description = "Each answer, marked.") List<Quiz.Verdict> verdicts) {}

    @Schema(name = "QuizAttempt", description = "One attempt at a quiz.")
    public record Attempt(@Schema(description = "Identifier.") long id,
                          @Schema(description = "The quiz's title.") String quiz,
                          @Schema(description = "When.") Instant takenAt,
                          @Schema(description = "Percentage right.") int score,
                          @Schema(description = "Whether it passed.") boolean passed) {}

    @Schema(name = "PracticeItem", description = "A missed item due again.")
    public record Practice(@Schema(description = "The question.") Quiz.Question question,
                    @Schema(description = "When it is due.") Instant dueAt,
                    @Schema(description = "Times answered right in a row since it was missed.") int streak) {}

    @Schema(name = "PracticeResult", description = "A practice answer, marked, and when the item comes back.")
    public record Practised(@Schema(description = "The answer, marked.") Quiz.Verdict verdict,
                     @Schema(description = "When it comes back.") Instant nextDue) {}

    private final QuizStore store;
    private final AnswerCheck check;
    private final Certifications certifications;
    private final Clock clock;
    private final AuditTrail audit;

    Quizzes(QuizStore store, AnswerCheck check, Certifications certifications, Clock clock, AuditTrail audit) {
        this.store = store;
        this.check = check;
        this.certifications = certifications;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Summary> list(RedressUser reader) {
        Map<Long, Integer> best = certifications.bestScores(reader.id());
        return store.headers().stream().map(quiz -> {
            Integer score = best.get(quiz.id());
            return new Summary(quiz.id(), quiz.code(), quiz.title(), quiz.description(), quiz.items(), quiz.passPercent(),
                score, score != null && score >= quiz.passPercent());
        }).toList();
    }

    @Transactional(readOnly = true)
    Quiz quiz(long id) {
        QuizStore.Header header = store.header(id);
        return new Quiz(header.id(), header.code(), header.title(), header.description(), header.passPercent(),
            store.items(id).stream().map(Quiz.Item::question).toList());
    }

    /** A new quiz (managers and admins); refused field by field, nothing stored when anything is wrong. */
    public Quiz define(RedressUser by, @Nullable String code, @Nullable String title, @Nullable String description,
                @Nullable Integer passPercent, @Nullable List<ItemRequest> items) {
        if (by.role() != Role.MANAGER && by.role() != Role.ADMIN) {
            throw new Forbidden("Only a manager or an admin writes quizzes.");
        }
        Checks checks = new Checks();
        String key = checks.check(() -> Text.required("code", code, 40).trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        String name = checks.check(() -> Text.required("title", title, 120).trim());
        String about = checks.check(() -> Text.required("description", description, 500).trim());
        Integer pass = checks.check(() -> {
            if (passPercent == null || passPercent < 1 || passPercent > 100) {
                throw InvalidInput.field("passPercent", "give a percentage from 1 to 100");
            }
            return passPercent;
        });
        List<ItemRequest> given = items == null ? List.of() : items;
        checks.check(() -> {
            if (given.isEmpty() || given.size() > MAX_ITEMS) {
                throw InvalidInput.field("items", "give 1 to " + MAX_ITEMS + " items");
            }
            return null;
        });
        List<Quiz.Item> parsed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            int at = i;
            Quiz.Item item = checks.check(() -> item(at, given.get(at)));
            if (item != null) {
                parsed.add(item);
            }
        }
        checks.verify();
        if (store.header(key).isPresent()) {
            throw new Conflict("There is a quiz " + key + " already: give the new one a code of its own.");
        }
        long id = store.insertQuiz(key, name, about, pass);
        for (int i = 0; i < parsed.size(); i++) {
            Quiz.Item item = parsed.get(i);
            store.insertItem(id, i + 1, item.kind(), item.topic(), item.prompt(), item.choices(), item.correctChoice(), item.needs(),
                item.why());
        }
        audit.record(by.actor(), "training.quiz-written", "quiz:" + id, name + " (" + parsed.size() + " items)");
        return quiz(id);
    }

    /** Marks an attempt at the whole quiz: every item must be answered (answers by item id). */
    public Result take(RedressUser me, long quizId, @Nullable Map<String, String> answers) {
        QuizStore.Header quiz = store.header(quizId);
        List<Quiz.Item> items = store.items(quizId);
        Map<String, String> given = answers == null ? Map.of() : answers;
        Checks checks = new Checks();
        List<Quiz.Verdict> verdicts = new ArrayList<>();
        for (Quiz.Item item : items) {
            Quiz.Verdict verdict = checks.check(() -> mark(item, given.get(String.valueOf(item.id())), "answers." + item.id()));
            if (verdict != null) {
                verdicts.add(verdict);
            }
        }
        checks.verify();
        Instant now = clock.instant();
        int correct = (int) verdicts.stream().filter(Quiz.Verdict::correct).count();
        int score = Math.round(100f * correct / items.size());
        boolean passed = score >= quiz.passPercent();
        long attempt = store.insertAttempt(quizId, me.id(), now, correct, items.size(), score, passed);
        for (Quiz.Verdict verdict : verdicts) {
            store.insertAnswer(me.id(), attempt, now, verdict);
            if (!verdict.correct()) {
                Repetition missed = Repetition.missed();
                store.schedule(me.id(), verdict.itemId(), missed, now.plus(Duration.ofDays(missed.intervalDays())));
            }
        }
        if (passed) {
            certifications.consider(me.actor(), me.id());
        }
        return new Result(attempt, quizId, quiz.title(), correct, items.size(), score, passed, verdicts);
    }

    /** The person's latest ten attempts, newest first. */
    @Transactional(readOnly = true)
    List<Attempt> history(long userId) {
        return store.attempts(userId, 10);
    }

    @Transactional(readOnly = true)
    List<Practice> due(RedressUser me) {
        return store.scheduled(me.id(), clock.instant()).stream()
            .map(due -> new Practice(due.item().question(), due.dueAt(), due.repetitions())).toList();
    }

    @Transactional(readOnly = true)
    List<Practice> scheduled(long userId) {
        return store.scheduled(userId, null).stream().map(due -> new Practice(due.item().question(), due.dueAt(), due.repetitions())).toList();
    }

    /** Answers one item due for practice; it comes back sooner or later by how it went. */
    Practised practise(RedressUser me, long itemId, @Nullable String answer) {
        Quiz.Item item = store.item(itemId);
        Repetition current = store.repetition(me.id(), itemId)
            .orElseThrow(() -> new Conflict("This item is not on your practice list: it comes back only after you miss it in a quiz."));
        Quiz.Verdict verdict = mark(item, answer, "answer");
        Instant now = clock.instant();
        Repetition next = current.after(verdict.correct());
        Instant due = now.plus(Duration.ofDays(next.intervalDays()));
        store.insertAnswer(me.id(), null, now, verdict);
        store.schedule(me.id(), itemId, next, due);
        return new Practised(verdict, due);
    }

    private Quiz.Verdict mark(Quiz.Item item, @Nullable String answer, String field) {
        if (answer == null || answer.isBlank()) {
            throw InvalidInput.field(field, "answer this question");
        }
        if (item.kind() == Quiz.Kind.WRITTEN) {
            String words = Text.required(field, answer, 2_000).trim();
            List<String> faults = check.faults(words, item.needs());
            return new Quiz.Verdict(item.id(), item.prompt(), words, faults.isEmpty(), faults, item.why());
        }
        int chosen;
        try {
            chosen = Integer.parseInt(answer.trim());
        } catch (NumberFormatException e) {
            chosen = -1;
        }
        if (chosen < 0 || chosen >= item.choices().size()) {
            throw InvalidInput.field(field, "choose one of the " + item.choices().size() + " answers (0 to " + (item.choices().size() - 1) + ")");
        }
        boolean right = item.correctChoice() != null && chosen == item.correctChoice();
        List<String> reasons = right ? List.of()
            : List.of("The better answer is \"" + item.choices().get(item.correctChoice() == null ? 0 : item.correctChoice()) + "\".");
        return new Quiz.Verdict(item.id(), item.prompt(), item.choices().get(chosen), right, reasons, item.why());
    }

    private static Quiz.Item item(int at, ItemRequest request) {
        String field = "items[" + at + "]";
        Quiz.Kind kind = parse(Quiz.Kind.class, field + ".kind", request.kind());
        Quiz.Topic topic = parse(Quiz.Topic.class, field + ".topic", request.topic());
        String prompt = Text.required(field + ".prompt", request.prompt(), 1_000).trim();
        String why = Text.required(field + ".why", request.why(), 1_000).trim();
        if (kind == Quiz.Kind.CHOICE) {
            List<String> choices = request.choices() == null ? List.of()
                : request.choices().stream().map(choice -> choice == null ? "" : choice.trim()).toList();
            if (choices.size() < 2 || choices.size() > 6 || choices.stream().anyMatch(choice -> choice.isEmpty() || choice.contains("\n"))) {
                throw InvalidInput.field(field + ".choices", "give 2 to 6 choices, each one line");
            }
            if (request.correct() == null || request.correct() < 0 || request.correct() >= choices.size()) {
                throw InvalidInput.field(field + ".correct", "give the index of the right choice, from 0 to " + (choices.size() - 1));
            }
            return new Quiz.Item(0, 0, kind, topic, prompt, choices, request.correct(), List.of(), why);
        }
        List<AnswerCheck.Need> needs = AnswerCheck.Need.parse(field + ".needs",
            request.needs() == null ? "" : String.join(",", request.needs()));
        return new Quiz.Item(0, 0, kind, topic, prompt, List.of(), null, needs, why);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String value) {
        for (E constant : type.getEnumConstants()) {
            if (value != null && constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw InvalidInput.field(field, "'" + value + "' is not one of " + String.join(", ",
            java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }
}
