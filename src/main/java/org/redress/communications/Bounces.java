package org.redress.communications;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A bounce that arrives after the mail server took a message: the message it names (by
 * our Message-ID, quoted in the report) failed after all, and is reported like any other
 * failed delivery.
 */
@Component
class Bounces {

    private final JdbcClient jdbc;
    private final DeliveryFailures failures;
    private final MailSettings settings;

    Bounces(JdbcClient jdbc, DeliveryFailures failures, MailSettings settings) {
        this.jdbc = jdbc;
        this.failures = failures;
        this.settings = settings;
    }

    /** Fails our sent messages the report names; returns how many. */
    int failNamedIn(String report) {
        Matcher ids = Pattern.compile("<[^<>\\s]+@" + Pattern.quote(settings.messageIdDomain()) + ">").matcher(report);
        Set<String> named = new LinkedHashSet<>();
        while (ids.find()) {
            named.add(ids.group());
        }
        String why = "bounced: " + firstLine(report);
        int failed = 0;
        for (String messageId : named) {
            record Sent(long id, Long caseId, String subject, String recipient) {}
            for (Sent sent : jdbc.sql("select id, case_id, subject, recipient from outbox where message_id = ? and state = 'SENT'")
                    .param(messageId)
                    .query((rs, n) -> new Sent(rs.getLong("id"), rs.getObject("case_id", Long.class), rs.getString("subject"),
                        rs.getString("recipient")))
                    .list()) {
                jdbc.sql("update outbox set state = 'FAILED', last_error = ? where id = ?").params(why, sent.id()).update();
                if (sent.caseId() != null) {
                    failures.report(sent.caseId(), sent.subject() == null ? "a message" : "the message \"" + sent.subject() + "\"",
                        sent.recipient(), why);
                }
                failed++;
            }
        }
        return failed;
    }

    private static String firstLine(String report) {
        for (String line : report.split("\\R")) {
            if (!line.isBlank()) {
                String text = line.strip();
                return text.length() > 200 ? text.substring(0, 200) : text;
            }
        }
        return "the mail system could not deliver it";
    }
}
