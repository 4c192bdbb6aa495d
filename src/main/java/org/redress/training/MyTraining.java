package org.redress.training;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.insights.Period;
import org.redress.insights.Wins;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One person's training at a glance: items due for practice, quizzes and their best scores,
 * certifications held and how far they are from the others, how their reviewed cases do on
 * each playbook step, and their wins of the last 90 days.
 */
@Service
@Transactional(readOnly = true)
public class MyTraining {

    static final Duration LOOK_BACK = Duration.ofDays(90);

    @Schema(name = "CertificationProgress", description = "How far one person is from a certification.")
    public record Progress(@Schema(description = "The certification.") Certifications.Certification certification,
                    @Schema(description = "Whether they passed its quiz within its validity period.") boolean quizPassed,
                    @Schema(description = "Their reviews at or above its score within its validity period.") long goodReviews,
                    @Schema(description = "Whether they hold it now.") boolean held) {}

    @Schema(name = "MyTraining", description = "One person's training: what is due, scores, certifications, wins.")
    public record Overview(@Schema(description = "Items due for practice now.") List<Quizzes.Practice> due,
                    @Schema(description = "Items scheduled later.") int scheduledLater,
                    @Schema(description = "Quizzes, with the best score so far.") List<Quizzes.Summary> quizzes,
                    @Schema(description = "The latest ten attempts, newest first.") List<Quizzes.Attempt> attempts,
                    @Schema(description = "Certifications earned, newest first.") List<Certifications.Held> certificates,
                    @Schema(description = "Progress towards each active certification.") List<Progress> progress,
                    @Schema(description = "Reviews of one's cases in the last 90 days.") int reviews,
                    @Schema(description = "Their mean score; none without reviews.") @Nullable Integer meanScore,
                    @Schema(description = "Each playbook step in those reviews, weakest first.") List<PlaybookStrengths.Step> steps,
                    @Schema(description = "Wins in the last 90 days: recovered cases the customer confirmed or a review scored high.")
                    List<Wins.Win> wins) {}

    private final Quizzes quizzes;
    private final Certifications certifications;
    private final PlaybookStrengths strengths;
    private final Wins wins;
    private final TrainingNotices notices;

    MyTraining(Quizzes quizzes, Certifications certifications, PlaybookStrengths strengths, Wins wins, TrainingNotices notices) {
        this.quizzes = quizzes;
        this.certifications = certifications;
        this.strengths = strengths;
        this.wins = wins;
        this.notices = notices;
    }

    Overview of(RedressUser me) {
        Instant now = notices.now();
        Instant since = now.minus(LOOK_BACK);
        List<Quizzes.Practice> due = quizzes.due(me);
        int later = quizzes.scheduled(me.id()).size() - due.size();
        List<Certifications.Held> held = certifications.held(me.id());
        List<Progress> progress = certifications.list().stream().filter(Certifications.Certification::active)
            .map(certification -> new Progress(certification,
                certifications.passedSince(me.id(), certification.quizId(), now.minus(Duration.ofDays(certification.validDays()))),
                certifications.goodReviews(me.id(), certification.minReviewScore(), now.minus(Duration.ofDays(certification.validDays()))),
                held.stream().anyMatch(h -> h.code().equals(certification.code())
                    && (h.standing() == Certifications.Standing.IN_FORCE || h.standing() == Certifications.Standing.ENDING_SOON))))
            .toList();
        PlaybookStrengths.Reviews reviews = strengths.reviews(me.id(), since);
        LocalDate today = notices.today();
        return new Overview(due, later, quizzes.list(me), quizzes.history(me.id()), held, progress, reviews.count(), reviews.meanScore(),
            strengths.of(me.id(), since), wins.ofAgent(me.id(), new Period(today.minusDays(LOOK_BACK.toDays()), today)));
    }
}
