package org.redress.identity;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own preferences (see {@link Preference}): those that concern them,
 * and changing one, audited in the same transaction. Each person changes only their own.
 */
@Service
@Transactional
class Preferences {

    private final List<Preference> offered;
    private final AuditTrail audit;

    Preferences(List<Preference> offered, AuditTrail audit) {
        this.offered = offered;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<PreferenceView> of(RedressUser me) {
        return offered.stream().filter(preference -> preference.appliesTo(me)).map(preference -> view(preference, me)).toList();
    }

    /** Turns one on or off; a missing value is a field error, an unknown key a 404, one not for this person a 403. */
    PreferenceView set(RedressUser me, String key, @Nullable Boolean on) {
        Preference preference = offered.stream().filter(candidate -> candidate.key().equals(key)).findFirst()
            .orElseThrow(() -> new NotFound("There is no preference '" + key + "'."));
        if (!preference.appliesTo(me)) {
            throw new Forbidden("The " + preference.label().toLowerCase(Locale.ROOT) + " is not for your role ("
                + me.role().label().toLowerCase(Locale.ROOT) + ").");
        }
        if (on == null) {
            throw InvalidInput.field("on", "is required: true to switch it on, false to switch it off");
        }
        if (preference.isOn(me.id()) != on) {
            preference.set(me.id(), on);
            audit.record(me.actor(), "user.preference-changed", "user:" + me.id(), key + (on ? " on" : " off"));
        }
        return view(preference, me);
    }

    private static PreferenceView view(Preference preference, RedressUser me) {
        return new PreferenceView(preference.key(), preference.label(), preference.description(), preference.isOn(me.id()));
    }
}
