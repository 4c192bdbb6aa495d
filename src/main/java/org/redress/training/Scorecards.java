package org.redress.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.shared.Checks;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scorecard's versions. Redress comes with version 1 (the playbook's eight items); a
 * manager or admin publishes a new version to reword, reweigh, add or drop items. Versions
 * are never edited, so a review's score always reads against the items it was scored on.
 */
@Service
@Transactional
public class Scorecards {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final int MAX_ITEMS = 20;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Scorecards(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Scorecard current() {
        int version = jdbc.sql("select max(version) from quality_scorecards").query(Integer.class).single();
        return version(version);
    }

    @Transactional(readOnly = true)
    public Scorecard version(int version) {
        record Head(Timestamp at, @Nullable String by) {}
        Head head = jdbc.sql("select published_at, published_by from quality_scorecards where version = ?").param(version)
            .query((rs, n) -> new Head(rs.getTimestamp("published_at"), rs.getString("published_by"))).optional()
            .orElseThrow(() -> new NotFound("There is no scorecard version " + version + "."));
        List<ScorecardItem> items = jdbc.sql("""
                select code, label, guidance, weight from quality_scorecard_items
                where scorecard_version = ? order by position""")
            .param(version)
            .query((rs, n) -> new ScorecardItem(rs.getString("code"), rs.getString("label"), rs.getString("guidance"), rs.getInt("weight")))
            .list();
        return new Scorecard(version, items, head.at().toInstant(), head.by());
    }

    /** Publishes the items as the next version: every item whole and valid, or nothing. */
    public Scorecard publish(RedressUser by, @Nullable List<ScorecardItem> items) {
        if (by.role() != Role.MANAGER && by.role() != Role.ADMIN) {
            throw new Forbidden("Only a manager or an admin publishes a scorecard.");
        }
        List<ScorecardItem> valid = validate(items);
        int version = jdbc.sql("select max(version) from quality_scorecards").query(Integer.class).single() + 1;
        jdbc.sql("insert into quality_scorecards (version, published_at, published_by) values (?, ?, ?)")
            .params(version, Timestamp.from(clock.instant()), by.name()).update();
        for (int i = 0; i < valid.size(); i++) {
            ScorecardItem item = valid.get(i);
            jdbc.sql("""
                    insert into quality_scorecard_items (scorecard_version, position, code, label, guidance, weight)
                    values (?, ?, ?, ?, ?, ?)""")
                .params(version, i + 1, item.code(), item.label(), item.guidance(), item.weight()).update();
        }
        audit.record(by.actor(), "quality.scorecard-published", "scorecard:" + version, valid.size() + " items");
        return version(version);
    }

    private static List<ScorecardItem> validate(@Nullable List<ScorecardItem> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw InvalidInput.field("items", "a scorecard has 1 to " + MAX_ITEMS + " items");
        }
        Checks checks = new Checks();
        Set<String> codes = new HashSet<>();
        List<ScorecardItem> valid = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ScorecardItem item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                checks.check(() -> {
                    throw InvalidInput.field(at, "is empty");
                });
                continue;
            }
            String code = checks.check(() -> {
                String given = item.code() == null ? "" : item.code().trim();
                if (!CODE.matcher(given).matches()) {
                    throw InvalidInput.field(at + ".code", "capital letters, digits and _, 2–40 characters, e.g. APOLOGIZED");
                }
                if (!codes.add(given)) {
                    throw InvalidInput.field(at + ".code", given + " appears twice");
                }
                return given;
            });
            String label = checks.check(() -> Text.required(at + ".label", item.label(), 200));
            String guidance = checks.check(() -> Text.required(at + ".guidance", item.guidance(), 1_000));
            checks.check(() -> {
                if (item.weight() < 1 || item.weight() > 10) {
                    throw InvalidInput.field(at + ".weight", "a whole number from 1 to 10");
                }
                return null;
            });
            valid.add(new ScorecardItem(code == null ? "" : code, label == null ? "" : label, guidance == null ? "" : guidance,
                item.weight()));
        }
        checks.verify();
        return valid;
    }
}
