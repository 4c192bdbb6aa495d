package org.redress.communications;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.links.CaseLinks;
import org.redress.platform.PublicAddress;
import org.redress.remedies.RemedyDesk;
import org.redress.remedies.RemedyView;
import org.redress.shared.Checks;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** Keeping templates (admins) and filling them in for a case (everyone). */
@Service
@Transactional
public class Templates {

    private final MessageTemplates templates;
    private final CaseManagement cases;
    private final RemedyDesk remedies;
    private final CaseLinks links;
    private final AuditTrail audit;
    private final PublicAddress address;
    private final Clock clock;

    Templates(MessageTemplates templates, CaseManagement cases, RemedyDesk remedies, CaseLinks links, AuditTrail audit,
              PublicAddress address, Clock clock) {
        this.templates = templates;
        this.cases = cases;
        this.remedies = remedies;
        this.links = links;
        this.audit = audit;
        this.address = address;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MessageTemplate> all() {
        return templates.findAllByOrderByPurposeAscChannelAscLanguageAsc();
    }

    public MessageTemplate save(RedressUser admin, @Nullable String purpose, @Nullable String channel, @Nullable String language,
                                @Nullable String subject, @Nullable String body) {
        if (admin.role() != Role.ADMIN) {
            throw new Forbidden("Only admins change message templates.");
        }
        Checks checks = new Checks();
        Purpose what = checks.check(() -> Purpose.parse(purpose));
        String on = checks.check(() -> code("channel", channel));
        String lang = checks.check(() -> code("language", language));
        String title = checks.check(() -> {
            String value = Text.optional("subject", subject, 200);
            if (value != null) {
                TemplateText.requireKnown("subject", value);
            }
            return value;
        });
        String text = checks.check(() -> {
            String value = Text.required("body", body, 20_000);
            TemplateText.requireKnown("body", value);
            return value;
        });
        checks.verify();
        MessageTemplate existing = templates.findByPurposeAndChannelAndLanguage(what, on, lang).orElse(null);
        MessageTemplate saved = templates.save(new MessageTemplate(existing == null ? null : existing.id(), what, on, lang, title,
            text, clock.instant(), existing == null ? 0 : existing.version()));
        audit.record(admin.actor(), existing == null ? "template.created" : "template.changed", "template:" + saved.id(),
            what + " / " + on + " / " + lang);
        return saved;
    }

    /** A message filled in. */
    @Schema(name = "FilledTemplate", description = "A template filled in for a case.")
    public record Filled(@Schema(description = "Subject, if the channel has one.") @Nullable String subject,
                         @Schema(description = "The text.") String body,
                         @Schema(description = "The template used.") long templateId) {}

    /**
     * The template for this purpose and channel in the language asked (else English),
     * filled in for the case as written by {@code author}.
     */
    @Transactional(readOnly = true)
    public Filled fill(long caseId, @Nullable String purpose, @Nullable String channel, @Nullable String language,
                       String author) {
        Purpose what = Purpose.parse(purpose);
        String on = channel == null || channel.isBlank() ? "email" : code("channel", channel);
        String lang = language == null || language.isBlank() ? "en" : code("language", language);
        MessageTemplate template = templates.findByPurposeAndChannelAndLanguage(what, on, lang)
            .or(() -> templates.findByPurposeAndChannelAndLanguage(what, on, "en"))
            .orElseThrow(() -> new NotFound("There is no " + what + " template for " + on + "."));
        Map<String, String> values = valuesFor(caseId, author);
        return new Filled(template.subject() == null ? null : TemplateText.render(template.subject(), values),
            TemplateText.render(template.body(), values), template.id() == null ? 0 : template.id());
    }

    /** A template's text filled in with a sample case, to see it before saving; unknown variables are refused. */
    public Filled preview(@Nullable String subject, @Nullable String body, String author) {
        String text = Text.required("body", body, 20_000);
        Map<String, String> sample = Map.of("customer.name", "Maria Lopez", "case.number", "RC-000123",
            "promise.date", "Friday 27 November 2026", "remedy", "Refund of 49.90 EUR: broken vase", "agent.name", author,
            "customer.link", address.link("/c/sample-link"));
        sample = new HashMap<>(sample);
        sample.putAll(Map.of("incident.title", "Deliveries from our Leeds depot delayed",
            "incident.what", "A fault in our sorting system held back parcels sent on 23 and 24 November.",
            "incident.plan", "We are sending every held parcel by express courier at our cost.",
            "incident.date", "Friday 27 November 2026", "survey.question", "How satisfied are you with your delivery?"));
        if (subject != null) {
            TemplateText.requireKnown("subject", subject);
        }
        TemplateText.requireKnown("body", text);
        return new Filled(subject == null ? null : TemplateText.render(subject, sample), TemplateText.render(text, sample), 0);
    }

    Map<String, String> valuesFor(long caseId, String author) {
        CaseView c = cases.view(caseId);
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", c.customer().name() != null ? c.customer().name() : "customer");
        values.put("case.number", c.number());
        values.put("agent.name", author);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
        List<RemedyView> given = remedies.ofCase(caseId).stream()
            .filter(r -> List.of("OFFERED", "ACCEPTED", "FULFILLED", "APPROVED").contains(r.state())).toList();
        RemedyView latest = given.isEmpty() ? null : given.get(given.size() - 1);
        values.put("remedy", latest != null ? latest.terms() : c.resolution() != null ? c.resolution() : "");
        values.put("promise.date", latest != null && latest.deliverBy() != null ? day.format(latest.deliverBy())
            : c.promisedBy() != null ? day.format(c.promisedBy()) : "");
        values.put("customer.link", links.linkFor(caseId).address());
        return values;
    }

    private static String code(String field, @Nullable String value) {
        String text = Text.required(field, value, 20).trim().toLowerCase(Locale.ROOT);
        if (!text.matches("[a-z][a-z-]{1,19}")) {
            throw InvalidInput.field(field, "'" + value + "' is not a valid " + field + " code");
        }
        return text;
    }
}
