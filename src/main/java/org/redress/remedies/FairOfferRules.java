package org.redress.remedies;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.CaseCategories;
import org.redress.customers.CustomerManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Checks;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fair-offer policy admins keep: for cases of a category, severity and customer tier
 * (each may be left open), the remedy and range to start from. {@link FairOffers} picks the
 * most specific rule for a case. A rule names only a known category, tier and remedy type,
 * so a typo cannot leave a rule that never applies.
 */
@Service
@Transactional
public class FairOfferRules {

    private final JdbcClient jdbc;
    private final RemedyAdmin admin;
    private final CaseCategories categories;
    private final CustomerManagement customers;
    private final AuditTrail audit;
    private final Clock clock;

    FairOfferRules(JdbcClient jdbc, RemedyAdmin admin, CaseCategories categories, CustomerManagement customers, AuditTrail audit,
                   Clock clock) {
        this.jdbc = jdbc;
        this.admin = admin;
        this.categories = categories;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "FairOfferRule", description = "For cases that match (null matches any), the remedy and range to offer; the most specific rule applies.")
    public record Rule(
        @Schema(description = "Identifier.") long id,
        @Schema(description = "Category code, or null for any.") @Nullable String category,
        @Schema(description = "Severity 1–4, or null for any.") @Nullable Integer severity,
        @Schema(description = "Customer tier, or null for any.") @Nullable String tier,
        @Schema(description = "Remedy type code to offer.") String type,
        @Schema(description = "Low end of the range.") String from,
        @Schema(description = "High end of the range.") String to,
        @Schema(description = "Currency.") String currency) {}

    /** A rule as given; blank category, severity or tier match any. */
    public record Definition(@Nullable String category, @Nullable Integer severity, @Nullable String tier,
                             @Nullable String type, @Nullable String from, @Nullable String to) {}

    private record Checked(@Nullable String category, @Nullable Integer severity, @Nullable String tier, String type,
                           Money from, Money to) {}

    @Transactional(readOnly = true)
    public List<Rule> rules() {
        return jdbc.sql("select id, category, severity, tier, remedy_type, min_minor, max_minor from fair_offer_rules order by id")
            .query((rs, n) -> new Rule(rs.getLong("id"), rs.getString("category"), rs.getObject("severity", Integer.class),
                rs.getString("tier"), rs.getString("remedy_type"), money(rs.getLong("min_minor")).amount(),
                money(rs.getLong("max_minor")).amount(), admin.currency().getCurrencyCode()))
            .list();
    }

    public Rule addRule(RedressUser by, Definition definition) {
        RemedyAdmin.requireAdmin(by);
        Checked rule = checked(definition);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into fair_offer_rules (category, severity, tier, remedy_type, min_minor, max_minor, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 1)""")
            .params(rule.category(), rule.severity(), rule.tier(), rule.type(), rule.from().minor(), rule.to().minor(),
                Timestamp.from(clock.instant()))
            .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(by.actor(), "fair-offer-rule.created", "fair-offer-rule:" + id, describe(rule));
        return rule(id);
    }

    public Rule changeRule(RedressUser by, long id, Definition definition) {
        RemedyAdmin.requireAdmin(by);
        rule(id);
        Checked rule = checked(definition);
        jdbc.sql("""
                update fair_offer_rules set category = ?, severity = ?, tier = ?, remedy_type = ?, min_minor = ?, max_minor = ?,
                version = version + 1 where id = ?""")
            .params(rule.category(), rule.severity(), rule.tier(), rule.type(), rule.from().minor(), rule.to().minor(), id)
            .update();
        audit.record(by.actor(), "fair-offer-rule.changed", "fair-offer-rule:" + id, describe(rule));
        return rule(id);
    }

    public void deleteRule(RedressUser by, long id) {
        RemedyAdmin.requireAdmin(by);
        if (jdbc.sql("delete from fair_offer_rules where id = ?").param(id).update() == 0) {
            throw new NotFound("There is no fair-offer rule " + id + ".");
        }
        audit.record(by.actor(), "fair-offer-rule.deleted", "fair-offer-rule:" + id, null);
    }

    private Rule rule(long id) {
        return rules().stream().filter(rule -> rule.id() == id).findFirst()
            .orElseThrow(() -> new NotFound("There is no fair-offer rule " + id + "."));
    }

    // Every field is checked before anything is written, and all that is wrong is said at once.
    private Checked checked(Definition d) {
        Checks checks = new Checks();
        String category = checks.check(() -> blank(d.category()) ? null
            : categories.require("category", d.category()));
        checks.check(() -> {
            if (d.severity() != null && (d.severity() < 1 || d.severity() > 4)) {
                throw InvalidInput.field("severity", "must be from 1 to 4, or left out to match any");
            }
            return null;
        });
        String tier = checks.check(() -> blank(d.tier()) ? null : customers.requireTier("tier", d.tier()));
        String type = checks.check(() -> admin.typeCode(d.type()));
        Money low = checks.check(() -> Money.parse("from", d.from(), admin.currency()));
        Money high = checks.check(() -> Money.parse("to", d.to(), admin.currency()));
        checks.check(() -> {
            if (low != null && high != null && high.compareTo(low) < 0) {
                throw InvalidInput.field("to", "must be at least from");
            }
            return null;
        });
        checks.verify();
        return new Checked(category, d.severity(), tier, type, low, high);
    }

    private Money money(long minor) {
        return new Money(minor, admin.currency());
    }

    private static String describe(Checked rule) {
        return (rule.category() == null ? "any category" : rule.category()) + ", "
            + (rule.severity() == null ? "any severity" : "severity " + rule.severity()) + ", "
            + (rule.tier() == null ? "any tier" : rule.tier()) + ": " + rule.type() + " " + rule.from() + "–" + rule.to();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
