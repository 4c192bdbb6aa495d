package org.redress.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.insights.Period;
import org.redress.insights.Wins;
import org.redress.shared.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A lead's view of their team's training (managers and admins see everyone): per person, quizzes
 * passed, practice waiting, scenarios played, reviews in the last 90 days with their mean and the
 * weakest playbook step, certifications in force and wins; those with the fewest reviews first, since
 * their cases are the ones to review next.
 */
@Service
@Transactional(readOnly = true)
public class TeamTraining {

    @Schema(name = "TeamTrainingLine", description = "One person's training, as their lead sees it.")
    public record Line(@Schema(description = "User id.") long userId,
                @Schema(description = "Name.") String name,
                @Schema(description = "Quizzes passed.") int quizzesPassed,
                @Schema(description = "Practice items due now.") int practiceDue,
                @Schema(description = "Scenarios played to the end.") int scenariosPlayed,
                @Schema(description = "Share of better moves in those plays, in percent; none without plays.") @Nullable Integer betterMoves,
                @Schema(description = "Reviews of their cases in the last 90 days.") int reviews,
                @Schema(description = "Their mean score; none without reviews.") @Nullable Integer meanScore,
                @Schema(description = "Their weakest playbook step in those reviews; none without reviews or when every step was met.") PlaybookStrengths.@Nullable Step weakest,
                @Schema(description = "Certifications in force.") List<String> certified,
                @Schema(description = "Wins in the last 90 days: recovered cases the customer confirmed or a review scored high.") long wins) {}

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final PlaybookStrengths strengths;
    private final Certifications certifications;
    private final TrainingNotices notices;
    private final Wins wins;

    TeamTraining(JdbcClient jdbc, UserManagement users, PlaybookStrengths strengths, Certifications certifications, TrainingNotices notices,
                 Wins wins) {
        this.wins = wins;
        this.jdbc = jdbc;
        this.users = users;
        this.strengths = strengths;
        this.certifications = certifications;
        this.notices = notices;
    }

    List<Line> of(RedressUser lead) {
        if (!lead.supervises()) {
            throw new Forbidden("Team training is for leads, managers and admins.");
        }
        Instant now = notices.now();
        Instant since = now.minus(MyTraining.LOOK_BACK);
        LocalDate today = notices.today();
        Map<String, Long> won = new HashMap<>();
        wins.of(new Period(today.minusDays(MyTraining.LOOK_BACK.toDays()), today), lead.role() == Role.LEAD ? lead.teamId() : null)
            .byAgent().forEach(line -> won.put(line.key(), line.wins()));
        return users.users().stream()
            .filter(user -> user.active() && user.role().person() && user.id() != lead.id())
            .filter(user -> lead.role() != Role.LEAD || Objects.equals(user.teamId(), lead.teamId()))
            .map(user -> line(user, now, since, won.getOrDefault(String.valueOf(user.id()), 0L)))
            .sorted(java.util.Comparator.comparingInt(Line::reviews).thenComparing(Line::name))
            .toList();
    }

    private Line line(UserSummary user, Instant now, Instant since, long wins) {
        int passed = count("select count(distinct quiz_id) from training_quiz_attempts where user_id = ? and passed = true", user.id());
        int due = count("select count(*) from training_practice where user_id = ? and due_at <= ?", user.id(), Timestamp.from(now));
        record Plays(int played, int better, int moves) {}
        Plays plays = jdbc.sql("select count(*) played, coalesce(sum(better_moves), 0) better, coalesce(sum(moves), 0) moves"
                + " from training_scenario_plays where user_id = ?").param(user.id())
            .query((rs, n) -> new Plays(rs.getInt("played"), rs.getInt("better"), rs.getInt("moves"))).single();
        PlaybookStrengths.Reviews reviews = strengths.reviews(user.id(), since);
        List<PlaybookStrengths.Step> steps = strengths.of(user.id(), since);
        List<String> certified = certifications.held(user.id()).stream()
            .filter(held -> held.standing() == Certifications.Standing.IN_FORCE || held.standing() == Certifications.Standing.ENDING_SOON)
            .map(Certifications.Held::name).toList();
        return new Line(user.id(), user.name(), passed, due, plays.played(),
            plays.moves() == 0 ? null : Math.round(100f * plays.better() / plays.moves()), reviews.count(), reviews.meanScore(),
            steps.isEmpty() || steps.get(0).percent() == 100 ? null : steps.get(0), certified, wins);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single().intValue();
    }
}
