package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.platform.PublicAddress;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to customers that are not a reply on a case: incident notices and survey
 * invitations. A notice about a case goes on the channel that case is answered on
 * ({@link CustomerChannels}: a recovery survey of a chat case arrives in the chat), any
 * other by email to the recipient given. Each is filled in from the template of its
 * purpose for that channel (else the email one; in the language asked, else English) and
 * written to the outbox in the caller's transaction, many in one statement, so a notice is
 * sent if and only if the caller commits. {@code notBefore} spreads a large mailing over
 * time (the outbox sends nothing before it).
 */
@Service
public class CustomerNotices {

    /** What to send to one customer: the values of the template's variables, and when. */
    public record Notice(String recipient, Map<String, String> values, @Nullable Long caseId, Instant notBefore) {}

    // Where one notice goes: the outbox route, the address, and whether it has a subject.
    private record Destination(String route, String channel, String address, boolean subject) {}

    /** The template's subject and body, to show a person before they send a mailing. */
    public record Draft(@Nullable String subject, String body) {}

    private static final int ROWS_PER_STATEMENT = 500;

    private final MessageTemplates templates;
    private final JdbcClient jdbc;
    private final MailSettings settings;
    private final PublicAddress address;
    private final Clock clock;
    private final CustomerChannels channels;
    private final CaseManagement cases;

    CustomerNotices(MessageTemplates templates, JdbcClient jdbc, MailSettings settings, PublicAddress address,
                    Clock clock, CustomerChannels channels, CaseManagement cases) {
        this.channels = channels;
        this.cases = cases;
        this.templates = templates;
        this.jdbc = jdbc;
        this.settings = settings;
        this.address = address;
        this.clock = clock;
    }

    /** The address a customer opens a path at, e.g. their survey {@code /s/…}. */
    public String publicLink(String path) {
        return address.link(path);
    }

    /** The template for the purpose, filled in with these values (to preview a mailing). */
    @Transactional(readOnly = true)
    public Draft draft(Purpose purpose, @Nullable String language, Map<String, String> values) {
        MessageTemplate template = template(purpose, language);
        return new Draft(template.subject() == null ? null : TemplateText.render(template.subject(), values),
            TemplateText.render(template.body(), values));
    }

    /** Queues the notices in the outbox (joining the caller's transaction); returns their Message-IDs, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> queue(Purpose purpose, @Nullable String language, List<Notice> notices, String createdBy) {
        Map<String, MessageTemplate> byChannel = new java.util.HashMap<>();
        List<String> messageIds = new ArrayList<>(notices.size());
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < notices.size(); from += ROWS_PER_STATEMENT) {
            List<Notice> chunk = notices.subList(from, Math.min(notices.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("""
                insert into outbox (case_id, channel, recipient, subject, body_text, message_id, state, next_attempt_at,
                                    created_at, created_by) values\s""");
            List<Object> params = new ArrayList<>(chunk.size() * 9);
            for (int i = 0; i < chunk.size(); i++) {
                Notice notice = chunk.get(i);
                Destination to = destination(notice);
                MessageTemplate template = byChannel.computeIfAbsent(to.channel(), channel -> template(purpose, channel, language));
                String messageId = "<" + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">";
                messageIds.add(messageId);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)");
                params.add(notice.caseId());
                params.add(to.route());
                params.add(to.address());
                params.add(template.subject() == null || !to.subject() ? null : TemplateText.render(template.subject(), notice.values()));
                params.add(TemplateText.render(template.body(), notice.values()));
                params.add(messageId);
                params.add(Timestamp.from(notice.notBefore()));
                params.add(now);
                params.add(createdBy);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        return messageIds;
    }

    private Destination destination(Notice notice) {
        if (notice.caseId() != null) {
            CustomerChannels.Reach reach = channels.reaching(cases.view(notice.caseId())).stream().findFirst().orElse(null);
            if (reach != null) {
                return new Destination(reach.channel().route(), reach.channel().name(), reach.address(), reach.channel().hasSubject());
            }
        }
        return new Destination(CustomerChannels.EMAIL, CustomerChannels.EMAIL, notice.recipient(), true);
    }

    private MessageTemplate template(Purpose purpose, @Nullable String language) {
        return template(purpose, CustomerChannels.EMAIL, language);
    }

    // The channel's own template, else the email one: a chat gets the email's words without its subject.
    private MessageTemplate template(Purpose purpose, String channel, @Nullable String language) {
        String lang = language == null || language.isBlank() ? "en" : language;
        return templates.findByPurposeAndChannelAndLanguage(purpose, channel, lang)
            .or(() -> templates.findByPurposeAndChannelAndLanguage(purpose, channel, "en"))
            .or(() -> templates.findByPurposeAndChannelAndLanguage(purpose, CustomerChannels.EMAIL, lang))
            .or(() -> templates.findByPurposeAndChannelAndLanguage(purpose, CustomerChannels.EMAIL, "en"))
            .orElseThrow(() -> new NotFound("There is no " + purpose + " email template; an admin can add one under Templates."));
    }
}
