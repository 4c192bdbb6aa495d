package org.redress.lessons;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.redress.cases.CaseNumber;
import org.redress.identity.UserSummary;
import org.redress.insights.DigestSection;
import org.redress.insights.Period;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The weekly digest's "Overdue actions": the reader's own actions past their due date, each
 * with its case and date, and how many are overdue in all, so a lead sees the follow-through
 * of lessons slip before it is forgotten.
 */
@Component
@Order(10)
class OverdueActionsInDigest implements DigestSection {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final int LISTED = 10;

    private final Lessons lessons;
    private final JdbcClient jdbc;

    OverdueActionsInDigest(Lessons lessons, JdbcClient jdbc) {
        this.lessons = lessons;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Part> partFor(UserSummary reader, Period week) {
        Date today = Date.valueOf(lessons.today());
        List<String> lines = new ArrayList<>();
        jdbc.sql("select case_id, action, due_on from lessons where status = 'OPEN' and due_on < ? and owner_id = ?"
                + " order by due_on, id limit " + LISTED)
            .params(today, reader.id())
            .query((rs, n) -> lines.add("Yours: " + rs.getString("action") + " (" + CaseNumber.format(rs.getLong("case_id"))
                + "), due " + rs.getObject("due_on", LocalDate.class).format(DAY)))
            .list();
        long overdue = jdbc.sql("select count(*) from lessons where status = 'OPEN' and due_on < ?").param(today)
            .query(Long.class).single();
        if (overdue == 0) {
            return Optional.empty();
        }
        lines.add(overdue == 1 ? "1 action is overdue in all, on the Lessons page." : overdue + " actions are overdue in all, on the Lessons page.");
        return Optional.of(new Part("Overdue actions", lines));
    }
}
