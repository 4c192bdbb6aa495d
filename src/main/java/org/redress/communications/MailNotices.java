package org.redress.communications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.platform.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * What admins must know about mail so that it never waits silently: the server is not
 * answering, there is no server, mail only reaches the built-in one, or links point at an
 * address customers cannot open. Shown as a banner on every console page for admins.
 */
@Component
class MailNotices {

    /** One line of the banner; {@code error} ones need action now. A moment, if any, goes between the two texts. */
    record Notice(boolean error, String text, @Nullable Instant at, String more) {

        Notice(boolean error, String text) {
            this(error, text, null, "");
        }
    }

    private final MailRoute route;
    private final MailServerHealth health;
    private final MailLog log;
    private final PublicAddress address;

    MailNotices(MailRoute route, MailServerHealth health, MailLog log, PublicAddress address) {
        this.route = route;
        this.health = health;
        this.log = log;
        this.address = address;
    }

    List<Notice> current() {
        List<Notice> notices = new ArrayList<>();
        MailServerHealth.Status status = health.status();
        if (status.failing()) {
            notices.add(new Notice(true, "Email is not going out: " + route.where() + " has not answered since ",
                status.failingSince(), " (" + status.lastError() + "). " + waiting() + " and will be retried."));
        }
        switch (route.kind()) {
            case NONE -> notices.add(new Notice(true, "No mail server is configured and the built-in one is off: "
                + waiting() + ". Set SPRING_MAIL_HOST to send it."));
            case BUILT_IN -> notices.add(new Notice(false, "Email goes to the built-in mail server: no customer receives it."
                + " Read each message under Admin > Mail; set SPRING_MAIL_HOST to deliver it."));
            case SERVER -> {
                // Delivered for real: nothing to say while it works.
            }
        }
        if (!address.configured()) {
            notices.add(new Notice(false, "The public address is not set: links to customers point at " + address.base()
                + ", which only opens on this machine. Set REDRESS_PUBLIC_URL to the address customers reach Redress at."));
        }
        return notices;
    }

    private String waiting() {
        long queued = log.queued();
        return queued == 1 ? "1 message to customers waits" : queued + " messages to customers wait";
    }
}
