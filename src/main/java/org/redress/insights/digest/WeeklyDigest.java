package org.redress.insights.digest;

import java.util.List;

import org.redress.communications.StaffMail;
import org.redress.identity.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the week's digest to every reader who has not had it yet: one transaction per reader
 * records the week as theirs and queues the email in the outbox, so both happen or neither.
 * Run by {@link DigestSchedule} every few minutes; between one sending day and the next,
 * each run after the first finds nobody waiting unless someone new (a new lead, a person who
 * switched the digest back on) may read it.
 */
@Service
class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    private final DigestWeeks weeks;
    private final DigestReaders readers;
    private final DigestWriter writer;
    private final StaffMail mail;
    private final TransactionTemplate transactions;

    WeeklyDigest(DigestWeeks weeks, DigestReaders readers, DigestWriter writer, StaffMail mail, TransactionTemplate transactions) {
        this.weeks = weeks;
        this.readers = readers;
        this.writer = writer;
        this.mail = mail;
        this.transactions = transactions;
    }

    /** Queues the digest now due for everyone waiting for it; returns how many were queued. */
    int sendDue() {
        DigestWeek week = weeks.due();
        List<UserSummary> waiting = readers.waitingFor(week);
        if (waiting.isEmpty()) {
            return 0;
        }
        DigestWriter.Edition edition = writer.edition(week);
        int queued = 0;
        for (UserSummary reader : waiting) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> send(edition, week, reader)))) {
                    queued++;
                }
            } catch (RuntimeException failed) {
                // Nothing was recorded for them: the next run tries again. The others still get theirs.
                log.warn("The weekly digest of {} for {} could not be queued; trying again at the next run", week.shortly(),
                    reader.email(), failed);
            }
        }
        log.info("Weekly digest of {} queued for {} of {} readers waiting", week.shortly(), queued, waiting.size());
        return queued;
    }

    private boolean send(DigestWriter.Edition edition, DigestWeek week, UserSummary reader) {
        if (!readers.claim(reader.id(), week)) {
            return false;
        }
        DigestWriter.Mail digest = edition.to(reader);
        readers.queued(reader.id(), week, mail.queue(reader.email(), digest.subject(), digest.text(),
            "weekly-digest:" + week.days().from()));
        return true;
    }
}
