package org.redress.communications;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseMessage;
import org.redress.cases.CaseView;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's message to the customer of a case, on one of the {@link CustomerChannel}s that
 * reach them: checked by the tone coach (its blocking rules refuse, the others advise),
 * then written to the outbox, the case's messages and its timeline in one transaction, with the files attached to it (checked by
 * {@link Attachments} before anything is written, and sent with the mail).
 */
@Service
@Transactional
public class Replies {

    /** What was queued, and what the coach said. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReplyQueued", description = "A reply queued for sending, with the coach's advice.")
    public record Queued(@io.swagger.v3.oas.annotations.media.Schema(description = "The Message-ID it will carry.") String messageId,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "What the tone coach would change (advice; nothing here blocked it).") List<ToneCoach.Finding> findings) {}

    private final CaseManagement cases;
    private final CaseAccess access;
    private final Outbox outbox;
    private final ToneCoach coach;
    private final Attachments attachments;
    private final CustomerChannels channels;

    Replies(CaseManagement cases, CaseAccess access, Outbox outbox, ToneCoach coach, Attachments attachments,
            CustomerChannels channels) {
        this.channels = channels;
        this.attachments = attachments;
        this.cases = cases;
        this.access = access;
        this.outbox = outbox;
        this.coach = coach;
    }

    /** Emails the customer of a case, for someone who may act on it ({@link CaseAccess}). */
    public Queued email(long caseId, RedressUser by, @Nullable String purpose, @Nullable String subject, @Nullable String text) {
        return send(caseId, by, CustomerChannels.EMAIL, purpose, subject, text, List.of());
    }

    /**
     * Writes to the customer of a case on the channel named, or, without one, on the channel
     * the case came by when it reaches them (a chat is answered in the chat), else by email;
     * with files already checked by {@link Attachments#check} (sent by channels that carry
     * files: email).
     */
    Queued send(long caseId, RedressUser by, @Nullable String channel, @Nullable String purpose, @Nullable String subject,
                @Nullable String text, List<Attachments.Checked> files) {
        access.require(caseId, by.actor(), "case.message-sent");
        String body = Text.required("text", text, 50_000);
        CaseView c = cases.view(caseId);
        CustomerChannels.Reach reach = channels.answering(c, channel);
        CustomerChannel on = reach.channel();
        String title = on.hasSubject() ? Text.required("subject", subject, 200).strip()
            : Text.optional("subject", subject, 200);
        List<ToneCoach.Finding> findings = coach.review(body, Purpose.parseOptional(purpose), on.name(), "en");
        List<ToneCoach.Finding> blocking = findings.stream().filter(ToneCoach.Finding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw InvalidInput.field("text", "cannot be sent as written: " + String.join(" ",
                blocking.stream().map(ToneCoach.Finding::advice).toList()));
        }
        String messageId = outbox.queue(caseId, on.route(), reach.address(), title, body, null, by.name());
        cases.recordOutbound(caseId, by.actor(), on.caseChannel(), title == null || title.isBlank() ? "Message" : title.strip(), body);
        if (!files.isEmpty()) {
            // The message just recorded is the case's latest of ours, in this transaction.
            Long recorded = cases.messages(caseId).stream().filter(m -> !m.fromCustomer()).map(CaseMessage::id)
                .max(Long::compare).orElse(null);
            attachments.keep(caseId, recorded, outbox.idOf(messageId), files);
        }
        return new Queued(messageId, findings);
    }
}
