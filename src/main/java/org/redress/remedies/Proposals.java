package org.redress.remedies;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Checks;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.stereotype.Component;

/** An agent proposes a remedy on a case: the type, the amount (or a percentage of a base), what it is for. */
@Component
class Proposals {

    private final RemedyTypes types;
    private final RemedyGuards guards;
    private final Granting granting;
    private final RemedySettings settings;

    Proposals(RemedyTypes types, RemedyGuards guards, Granting granting, RemedySettings settings) {
        this.types = types;
        this.guards = guards;
        this.granting = granting;
        this.settings = settings;
    }

    Remedy propose(long caseId, RedressUser by, RemedyDesk.Proposal proposal) {
        guards.requireActOn(caseId, by, "remedy.granted");
        Checks checks = new Checks();
        RemedyType type = checks.check(() -> type(proposal.type()));
        checks.check(() -> currency(proposal.currency()));
        String description = checks.check(() -> Text.required("description", proposal.description(), 1_000).strip());
        checks.verify();
        Integer percent = type.kind() == RemedyType.Kind.DISCOUNT_PERCENT ? percent(proposal.percent()) : null;
        Money base = percent == null ? null : Money.parse("baseAmount", proposal.baseAmount(), settings.currency());
        Money amount = base != null ? base.percent(percent) : Money.parse("amount", proposal.amount(), settings.currency());
        if (!amount.isPositive() && type.kind() != RemedyType.Kind.DISCOUNT_PERCENT) {
            throw InvalidInput.field("amount", "must be more than zero");
        }
        guards.requireOpen(caseId);
        return granting.grantOrRequest(caseId, by, type, amount, percent, base, description, null);
    }

    /** The type of a remedy already made, even if it has been retired since. */
    RemedyType existingType(String code) {
        return types.findById(code).orElseThrow();
    }

    /** An active remedy type by its code; a retired or unknown one is refused with the ones there are. */
    RemedyType type(@Nullable String code) {
        String value = Text.required("type", code, 50).trim().toLowerCase(Locale.ROOT);
        return types.findById(value).filter(RemedyType::active).orElseThrow(() -> InvalidInput.field("type",
            "'" + value + "' is not a remedy type; use one of " + String.join(", ",
                types.findAllByOrderByLabelAsc().stream().filter(RemedyType::active).map(RemedyType::code).toList())));
    }

    private java.util.Currency currency(@Nullable String code) {
        if (code != null && !code.trim().equalsIgnoreCase(settings.currency().getCurrencyCode())) {
            throw InvalidInput.field("currency", "remedies are in " + settings.currency().getCurrencyCode() + ", not " + code.trim());
        }
        return settings.currency();
    }

    private static int percent(@Nullable Integer percent) {
        if (percent == null || percent < 1 || percent > 100) {
            throw InvalidInput.field("percent", "must be from 1 to 100 for a percentage discount");
        }
        return percent;
    }
}
