package org.redress.insights.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.redress.identity.Preference;
import org.redress.identity.RedressUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a person receives the weekly digest, offered on their Account page and at
 * {@code /api/v1/me/preferences/weekly-digest}: on unless they switched it off (a row in
 * {@code insight_digest_opt_outs}). For whoever may read the Insights page: leads, managers
 * and admins.
 */
@Component
class DigestPreference implements Preference {

    static final String KEY = "weekly-digest";

    private final JdbcClient jdbc;
    private final DigestSettings settings;
    private final Clock clock;

    DigestPreference(JdbcClient jdbc, DigestSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "Weekly insights digest";
    }

    @Override
    public String description() {
        String what = "An email " + settings.when() + " with the past week's key numbers beside the week before, what "
            + "changed most, and a link to the Insights page.";
        // Said, not hidden, while an operator has the digest off for everyone: the choice stands for when it is back.
        return settings.enabled() ? what : what + " None is sent at present: the digest is switched off for everyone.";
    }

    @Override
    public boolean appliesTo(RedressUser person) {
        return person.supervises();
    }

    @Override
    public boolean isOn(long userId) {
        return jdbc.sql("select count(*) from insight_digest_opt_outs where user_id = ?").param(userId).query(Long.class).single() == 0;
    }

    @Override
    public void set(long userId, boolean on) {
        if (on) {
            jdbc.sql("delete from insight_digest_opt_outs where user_id = ?").param(userId).update();
        } else {
            jdbc.sql("insert into insight_digest_opt_outs (user_id, since) values (?, ?) on conflict do nothing")
                .params(userId, Timestamp.from(clock.instant())).update();
        }
    }

    /** Everyone who switched it off. */
    Set<Long> switchedOff() {
        return new HashSet<>(jdbc.sql("select user_id from insight_digest_opt_outs").query(Long.class).list());
    }
}
