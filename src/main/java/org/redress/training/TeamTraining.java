package org.redress.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * weakest playbook step, certifications in force and wins; those with the fewest reviews first,
 * since their cases are the ones to review next. Each figure is one grouped query for everyone.
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
                       @Schema(description = "Their weakest playbook step in those reviews; none without reviews or when every step was met.")
                       PlaybookStrengths.@Nullable Step weakest,
                       @Schema(description = "Certifications in force.") List<String> certified,
                       @Schema(description = "Wins in the last 90 days: recovered cases the customer confirmed or a review scored high.") long wins) {}

    private record Plays(int played, int better, int moves) {}

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final PlaybookStrengths strengths;
    private final TrainingNotices notices;
    private final Wins wins;

    TeamTraining(JdbcClient jdbc, UserManagement users, PlaybookStrengths strengths, TrainingNotices notices, Wins wins) {
        this.jdbc = jdbc;
        this.users = users;
        this.strengths = strengths;
        this.notices = notices;
        this.wins = wins;
    }

    List<Line> of(RedressUser lead) {
        if (!lead.supervises()) {
            throw new Forbidden("Team training is for leads, managers and admins.");
        }
        List<UserSummary> people = users.users().stream()
            .filter(user -> user.active() && user.role().person() && user.id() != lead.id())
            .filter(user -> lead.role() != Role.LEAD || Objects.equals(user.teamId(), lead.teamId()))
            .toList();
        if (people.isEmpty()) {
            return List.of();
        }
        List<Long> ids = people.stream().map(UserSummary::id).toList();
        Instant now = notices.now();
        Instant since = now.minus(MyTraining.LOOK_BACK);
        LocalDate today = notices.today();
        Map<String, Long> won = new HashMap<>();
        wins.of(new Period(today.minusDays(MyTraining.LOOK_BACK.toDays()), today), lead.role() == Role.LEAD ? lead.teamId() : null)
            .byAgent().forEach(line -> won.put(line.key(), line.wins()));
        Map<Long, Long> passed = counts("select user_id, count(distinct quiz_id) n from training_quiz_attempts where passed = true"
            + " and user_id in (:people) group by user_id", ids, now);
        Map<Long, Long> due = counts("select user_id, count(*) n from training_practice where due_at <= :now and user_id in (:people)"
            + " group by user_id", ids, now);
        Map<Long, Plays> plays = new HashMap<>();
        jdbc.sql("select user_id, count(*) played, sum(better_moves) better, sum(moves) moves from training_scenario_plays"
                + " where user_id in (:people) group by user_id").param("people", ids)
            .query(rs -> {
                plays.put(rs.getLong("user_id"), new Plays(rs.getInt("played"), rs.getInt("better"), rs.getInt("moves")));
            });
        Map<Long, List<String>> certified = new HashMap<>();
        jdbc.sql("select t.user_id, c.name from training_certificates t join training_certifications c on c.id = t.certification_id"
                + " where t.lapsed_at is null and t.expires_at > :now and t.user_id in (:people) order by c.name")
            .param("people", ids).param("now", Timestamp.from(now))
            .query(rs -> {
                certified.computeIfAbsent(rs.getLong("user_id"), id -> new ArrayList<>()).add(rs.getString("name"));
            });
        Map<Long, PlaybookStrengths.Reviews> reviews = strengths.reviewsOfEach(ids, since);
        Map<Long, List<PlaybookStrengths.Step>> steps = strengths.ofEach(ids, since);
        return people.stream().map(person -> {
            Plays played = plays.getOrDefault(person.id(), new Plays(0, 0, 0));
            PlaybookStrengths.Reviews reviewed = reviews.getOrDefault(person.id(), PlaybookStrengths.Reviews.NONE);
            List<PlaybookStrengths.Step> own = steps.getOrDefault(person.id(), List.of());
            return new Line(person.id(), person.name(), passed.getOrDefault(person.id(), 0L).intValue(),
                due.getOrDefault(person.id(), 0L).intValue(), played.played(),
                played.moves() == 0 ? null : Math.round(100f * played.better() / played.moves()), reviewed.count(), reviewed.meanScore(),
                own.isEmpty() || own.get(0).percent() == 100 ? null : own.get(0), certified.getOrDefault(person.id(), List.of()),
                won.getOrDefault(String.valueOf(person.id()), 0L));
        }).sorted(Comparator.comparingInt(Line::reviews).thenComparing(Line::name)).toList();
    }

    private Map<Long, Long> counts(String sql, List<Long> people, Instant now) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql(sql).param("people", people).param("now", Timestamp.from(now)).query(rs -> {
            counts.put(rs.getLong("user_id"), rs.getLong("n"));
        });
        return counts;
    }
}
