package org.redress.training;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A quiz on the playbook: its items, and the share of them right that passes it. */
@Schema(name = "Quiz", description = "A quiz on the playbook.")
public record Quiz(@Schema(description = "Identifier.") long id,
            @Schema(description = "A short code, e.g. FIRST_ANSWER.") String code,
            @Schema(description = "Title.") String title,
            @Schema(description = "What it practises.") String description,
            @Schema(description = "The percentage of items right that passes it.") int passPercent,
            @Schema(description = "Its questions, in order (the answers are not shown before one answers).") List<Question> items) {

    public enum Kind { CHOICE, WRITTEN }

    /** What the question is about, so weak spots show per person. */
    public enum Topic {
        NEXT_STEP("The right next step"), REMEDY("The right remedy within authority"), PUBLIC_REPLY("What to say in public"),
        WRITTEN_REPLY("Writing to the customer");

        final String label;

        Topic(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Schema(name = "QuizQuestion", description = "A question as the person taking the quiz sees it.")
    public record Question(@Schema(description = "Identifier.") long id,
                    @Schema(description = "CHOICE (pick one) or WRITTEN (write the words).") Kind kind,
                    @Schema(description = "NEXT_STEP, REMEDY, PUBLIC_REPLY or WRITTEN_REPLY.") Topic topic,
                    @Schema(description = "The question.") String prompt,
                    @Schema(description = "For CHOICE: the choices, answered by index from 0.") List<String> choices,
                    @Schema(description = "For WRITTEN: what the answer must contain (APOLOGY, OWN_PART, DATE); blame, policy, "
                        + "excuses and shouting are always wrong.") List<String> needs) {}

    /** A question with its answer: the right choice, the written needs, and why. */
    record Item(long id, long quizId, Kind kind, Topic topic, String prompt, List<String> choices, @Nullable Integer correctChoice,
                List<AnswerCheck.Need> needs, String why) {

        Question question() {
            return new Question(id, kind, topic, prompt, choices, needs.stream().map(Enum::name).toList());
        }
    }

    @Schema(name = "QuizVerdict", description = "Whether one answer was right, and why not.")
    public record Verdict(@Schema(description = "The question.") long itemId,
                   @Schema(description = "The question's words.") String prompt,
                   @Schema(description = "What was answered (the choice's words for a choice).") String answer,
                   @Schema(description = "Whether it was right.") boolean correct,
                   @Schema(description = "Why it was wrong, each reason; empty when right.") List<String> reasons,
                   @Schema(description = "The better answer and why, from the playbook.") String why) {}
}
