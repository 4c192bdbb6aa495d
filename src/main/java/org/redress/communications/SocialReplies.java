package org.redress.communications;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;
import org.redress.cases.Intake;
import org.redress.customers.CustomerDetails;
import org.redress.identity.RedressUser;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Social networks ({@link SocialChannel}): a mention (public) or direct message (private)
 * opens or joins a case through the {@link ChannelInbox}; an answer goes back through the
 * outbox. In public, only an acknowledgement with an
 * invitation to continue privately may be posted: apologies with details, explanations and
 * offers belong in a direct message, and this is enforced here, not only in the console.
 */
@Service
@Transactional
public class SocialReplies {

    @Schema(name = "SocialMention", description = "A post or message about us on a social network.")
    public record Mention(@Schema(description = "Network, e.g. x, instagram.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String network,
                          @Schema(description = "The author's handle.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String handle,
                          @Schema(description = "The author's name, if known.") @Nullable String name,
                          @Schema(description = "What they wrote.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text,
                          @Schema(description = "Link to the post.") @Nullable String url,
                          @Schema(description = "True for a public post, false for a direct message.") @Nullable Boolean isPublic,
                          @Schema(description = "The network's id of the post; a post is taken once.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String postId) {}

    private final ChannelInbox inbox;
    private final CaseManagement cases;
    private final CaseAccess access;
    private final Outbox outbox;
    private final ToneCoach coach;

    SocialReplies(ChannelInbox inbox, CaseManagement cases, CaseAccess access, Outbox outbox, ToneCoach coach) {
        this.inbox = inbox;
        this.cases = cases;
        this.access = access;
        this.outbox = outbox;
        this.coach = coach;
    }

    /** Through the {@link ChannelInbox}: the author's messages are one conversation, which joins their open case. */
    public ChannelInbox.Received mention(Mention mention) {
        Checks checks = new Checks();
        String network = checks.check(() -> Text.required("network", mention.network(), 40).trim().toLowerCase(Locale.ROOT));
        String handle = checks.check(() -> Text.required("handle", mention.handle(), 100).trim());
        String text = checks.check(() -> Text.required("text", mention.text(), Intake.MAX_MESSAGE));
        String postId = checks.check(() -> Text.required("postId", mention.postId(), 200).trim());
        checks.verify();
        boolean publicly = mention.isPublic() == null || mention.isPublic();
        String words = text + (mention.url() == null ? "" : "\n\n" + mention.url());
        String subject = (publicly ? "Public post: " : "Message: ") + (text.length() > 80 ? text.substring(0, 77) + "..." : text);
        return inbox.receive(new ChannelInbox.Arrival("social", network + ":" + handle,
            CustomerDetails.of(network + ":" + handle, mention.name(), null, null), subject, words, network + ":" + postId,
            List.of()));
    }

    /** Answers the customer of a case on their network, publicly or privately; for someone who may act on the case. */
    public String reply(long caseId, RedressUser by, @Nullable String purpose, @Nullable Boolean publicly, @Nullable String text) {
        access.require(caseId, by.actor(), "case.message-sent");
        String body = Text.required("text", text, 5_000);
        boolean inPublic = publicly == null || publicly;
        // In public an unlabelled answer is an acknowledgement, and is checked as one.
        Purpose what = Purpose.parseOptional(purpose);
        if (inPublic && what == null) {
            what = Purpose.ACKNOWLEDGEMENT;
        }
        if (inPublic && what != Purpose.ACKNOWLEDGEMENT) {
            throw InvalidInput.field("purpose", "in public (isPublic: true, the default) post only an acknowledgement and "
                + "an invitation to continue privately; send apologies with details, explanations and offers as a direct "
                + "message (isPublic: false)");
        }
        List<String> objections = inPublic ? PublicPostRule.objections(body) : List.of();
        if (!objections.isEmpty()) {
            throw InvalidInput.field("text", "cannot be posted in public (isPublic: true): " + String.join("; ", objections)
                + ". Post a short acknowledgement that invites the customer to a direct message, and say the rest there "
                + "(isPublic: false)");
        }
        List<ToneCoach.Finding> blocking = coach.review(body, what, "social", "en").stream().filter(ToneCoach.Finding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw InvalidInput.field("text", "cannot be posted as written: " + blocking.get(0).advice());
        }
        CaseView c = cases.view(caseId);
        String reference = c.customer().externalRef();
        if (reference == null || !reference.contains(":")) {
            throw new Conflict(c.number() + " did not come from a social network; answer by email instead.");
        }
        String messageId = outbox.queue(caseId, inPublic ? SocialChannel.PUBLIC : SocialChannel.PRIVATE, reference, null, body, null,
            by.name());
        cases.recordOutbound(caseId, by.actor(), Channel.SOCIAL, inPublic ? "public answer" : "direct message", body);
        return messageId;
    }
}
