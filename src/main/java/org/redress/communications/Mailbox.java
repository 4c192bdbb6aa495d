package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseStatus;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;
import org.redress.cases.Intake;
import org.redress.customers.CustomerDetails;
import org.redress.shared.Actor;
import org.redress.shared.Checks;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What becomes of an email to Redress. A reply to one of our messages (In-Reply-To or
 * References) or naming a case in its subject, from that case's customer, joins the open
 * case; anything else from a person opens a complaint through intake; mail written by
 * machines, and replies to mail for staff (the weekly digest), are set aside. Each
 * Message-ID is taken once, and attachments are checked (size, type) before anything is
 * written.
 */
@Service
@Transactional
public class Mailbox {

    public enum Outcome { JOINED, OPENED, IGNORED, DUPLICATE }

    @Schema(name = "InboundEmailResult", description = "What became of an email.")
    public record Result(@Schema(description = "JOINED a case, OPENED one, IGNORED (automatic mail, or a reply to mail for staff such as the weekly digest) or DUPLICATE (seen before).") Outcome outcome,
                         @Schema(description = "The case, if any.") @Nullable String caseNumber,
                         @Schema(description = "Why, for IGNORED.") @Nullable String reason) {}

    private static final Pattern CASE_NUMBER = Pattern.compile("\\bRC-(\\d{1,12})\\b");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    private record Checked(String from, @Nullable String fromName, @Nullable String subject, String text, String messageId,
                           List<String> threadIds, Map<String, String> headers, List<Attachments.Checked> files) {}

    private final Intake intake;
    private final CaseManagement cases;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final MailSettings settings;
    private final Clock clock;
    private final Bounces bounces;
    private final Attachments attachments;
    private final ChannelInbox inbox;

    Mailbox(Intake intake, CaseManagement cases, Outbox outbox, JdbcClient jdbc, MailSettings settings, Clock clock,
            Bounces bounces, Attachments attachments, ChannelInbox inbox) {
        this.inbox = inbox;
        this.bounces = bounces;
        this.attachments = attachments;
        this.intake = intake;
        this.cases = cases;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public Result receive(InboundMail mail) {
        Checked checked = check(mail);
        // Claimed first: a second delivery of the same message, even at the same moment, waits here and finds it taken.
        int claimed = jdbc.sql("""
                insert into inbound_mail (message_id, sender, subject, outcome, received_at)
                values (?, ?, ?, 'RECEIVED', ?) on conflict do nothing""")
            .params(checked.messageId(), checked.from(), checked.subject(), Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return new Result(Outcome.DUPLICATE, null, null);
        }
        String automatic = AutoReplies.reason(checked.from(), checked.headers());
        if (automatic != null) {
            int failed = AutoReplies.isBounce(checked.from(), checked.headers()) ? bounces.failNamedIn(checked.text()) : 0;
            return remember(checked, new Result(Outcome.IGNORED, null, "written by a machine: " + automatic
                + (failed == 0 ? "" : "; " + failed + " of our messages marked as not delivered")), null);
        }
        if (StaffMail.answers(checked.threadIds())) {
            return remember(checked, new Result(Outcome.IGNORED, null, "a reply to mail for staff (such as the weekly "
                + "insights digest), not a complaint"), null);
        }
        Long caseId = threadedCase(checked);
        if (caseId != null) {
            intake.reply(caseId, Channel.EMAIL, author(checked), checked.subject(), checked.text());
            inbox.keep(caseId, checked.files());
            return remember(checked, new Result(Outcome.JOINED, cases.view(caseId).number(), null), caseId);
        }
        Intake.Received received = intake.receive(new Intake.Complaint(
            new CustomerDetails(null, checked.fromName(), checked.from(), null, null, null, null),
            "email", settings.defaultCategory(), null,
            checked.subject() == null || checked.subject().isBlank() ? "Email from " + checked.from() : checked.subject(),
            checked.text()), "email:" + sha256(checked.messageId()), Actor.SYSTEM);
        long opened = received.recoveryCase().id();
        inbox.keep(opened, checked.files());
        return remember(checked, new Result(received.result() == Intake.Result.OPENED ? Outcome.OPENED : Outcome.JOINED,
            received.recoveryCase().number(), null), opened);
    }

    // A case it answers (by our Message-IDs, then by a case number in the subject), open and
    // belonging to the sender; otherwise none, and the mail is a complaint of its own.
    private @Nullable Long threadedCase(Checked mail) {
        List<Long> candidates = new ArrayList<>();
        for (String id : mail.threadIds()) {
            Long caseId = outbox.caseOfMessage(id);
            if (caseId != null) {
                candidates.add(caseId);
            }
        }
        Matcher number = CASE_NUMBER.matcher(mail.subject() == null ? "" : mail.subject());
        while (number.find()) {
            candidates.add(Long.parseLong(number.group(1)));
        }
        for (Long caseId : candidates) {
            CaseView c = cases.find(caseId).orElse(null);
            if (c != null && c.status() != CaseStatus.CLOSED && c.customer().email() != null
                    && c.customer().email().equalsIgnoreCase(mail.from())) {
                return caseId;
            }
        }
        return null;
    }

    private Checked check(InboundMail mail) {
        Checks checks = new Checks();
        String from = checks.check(() -> {
            String value = Text.required("from", mail.from(), 320).trim().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(value).matches()) {
                throw InvalidInput.field("from", "'" + mail.from() + "' is not an email address");
            }
            return value;
        });
        // Mail is what customers send, not what a form checks: without an id, one is derived from
        // the content (so a resend is still recognised); no text, or too much, is not a reason to lose it.
        String messageId = mail.messageId() != null && !mail.messageId().isBlank() ? clip(mail.messageId().trim(), 500)
            : "<derived-" + sha256(mail.from() + "\n" + mail.subject() + "\n" + mail.text() + "\n" + mail.html()) + ">";
        String plain = mail.text() != null && !mail.text().isBlank() ? mail.text()
            : mail.html() == null ? null : mail.html().replaceAll("(?s)<(style|script)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").trim();
        String text = plain == null || plain.isBlank() ? "(no text; see the attachments)" : clip(plain, Intake.MAX_MESSAGE);
        String subject = mail.subject() == null || mail.subject().isBlank() ? null : clip(mail.subject().strip(), 200);
        List<Attachments.Checked> files = checks.check(() -> attachments.check(mail.attachments()));
        checks.verify();
        List<String> threadIds = new ArrayList<>();
        for (String header : new String[] {mail.inReplyTo(), mail.references()}) {
            if (header != null) {
                Matcher ids = Pattern.compile("<[^<>\\s]+>").matcher(header);
                while (ids.find()) {
                    threadIds.add(ids.group());
                }
            }
        }
        return new Checked(from, mail.fromName() == null || mail.fromName().isBlank() ? null : clip(mail.fromName().strip(), 200), subject, text, messageId, threadIds,
            mail.headers() == null ? Map.of() : mail.headers(), files);
    }

    private Result remember(Checked mail, Result result, @Nullable Long caseId) {
        jdbc.sql("update inbound_mail set outcome = ?, case_id = ?, reason = ? where message_id = ?")
            .params(result.outcome().name(), caseId, result.reason(), mail.messageId()).update();
        return result;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String sha256(String text) {
        return org.redress.shared.Secrets.sha256Hex(text);
    }

    private static String author(Checked mail) {
        String named = mail.fromName() == null ? mail.from() : mail.fromName() + " <" + mail.from() + ">";
        return named.length() <= 320 ? named : mail.from();
    }
}
