package org.redress.communications;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Communications", description = "Templates, replies to customers and their delivery, the tone coach.")
class CommunicationsApiController {

    private static final String CASE = "Case number (`RC-000123`) or id.";

    private final Templates templates;
    private final Replies replies;
    private final Outbox outbox;
    private final ToneCoach coach;
    private final Mailbox mailbox;
    private final SocialReplies social;
    private final Attachments attachments;

    CommunicationsApiController(Templates templates, Replies replies, Outbox outbox, ToneCoach coach, Mailbox mailbox,
                                SocialReplies social, Attachments attachments) {
        this.attachments = attachments;
        this.mailbox = mailbox;
        this.social = social;
        this.templates = templates;
        this.replies = replies;
        this.outbox = outbox;
        this.coach = coach;
    }

    @GetMapping("/api/v1/templates")
    @Operation(summary = "Message templates")
    List<MessageTemplate> all() {
        return templates.all();
    }

    @Schema(name = "MessageTemplateDefinition", description = "A template to add or replace (by purpose, channel and language).")
    record TemplateRequest(
        @Schema(description = "ACKNOWLEDGEMENT, APOLOGY, EXPLANATION, OFFER, CONFIRMATION, STATUS_UPDATE, FOLLOW_UP or INCIDENT_NOTICE.",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String purpose,
        @Schema(description = "Channel code, e.g. email.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String channel,
        @Schema(description = "Language, e.g. en.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String language,
        @Schema(description = "Subject (email).") @Nullable String subject,
        @Schema(description = "Text with {{variables}}.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String body) {}

    @PutMapping("/api/v1/templates")
    @Operation(summary = "Add or replace a template", description = "Admins only. Unknown variables are refused.")
    MessageTemplate save(@RequestBody TemplateRequest body, @AuthenticationPrincipal RedressUser me) {
        return templates.save(me, body.purpose(), body.channel(), body.language(), body.subject(), body.body());
    }

    @GetMapping("/api/v1/cases/{case}/templates/{purpose}")
    @Operation(summary = "A template filled in for a case", description = "Falls back to English when the language has none.")
    Templates.Filled fill(@Parameter(description = CASE) @PathVariable("case") String number,
                          @Parameter(description = "Purpose, e.g. APOLOGY.") @PathVariable String purpose,
                          @Parameter(description = "Channel; default email.") @RequestParam(required = false) @Nullable String channel,
                          @Parameter(description = "Language; default en.") @RequestParam(required = false) @Nullable String language,
                          @AuthenticationPrincipal RedressUser me) {
        return templates.fill(CaseManagement.idOf(number), purpose, channel, language, me.name());
    }

    @Schema(name = "ToneCheck", description = "A draft to review.")
    record ToneRequest(@Schema(description = "The draft.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text,
                       @Schema(description = "What it is for, e.g. APOLOGY; some rules depend on it.") @Nullable String purpose,
                       @Schema(description = "Channel; default email.") @Nullable String channel,
                       @Schema(description = "Language; default en.") @Nullable String language) {}

    @PostMapping("/api/v1/tone/check")
    @Operation(summary = "Review a draft", description = "What to change before sending, and whether a rule blocks it.")
    List<ToneCoach.Finding> tone(@RequestBody ToneRequest body) {
        String text = org.redress.shared.Text.required("text", body.text(), 50_000);
        return coach.review(text, Purpose.parseOptional(body.purpose()),
            body.channel() == null ? "email" : body.channel().trim().toLowerCase(java.util.Locale.ROOT),
            body.language() == null ? "en" : body.language().trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Schema(name = "ReplyRequest", description = "A message to the customer of a case.")
    record ReplyRequest(@Schema(description = "What it is for, e.g. APOLOGY (the coach checks for it).") @Nullable String purpose,
                        @Schema(description = "The channel: email, chat or social (a direct message). Without it, the "
                            + "channel the case came by when it reaches the customer (a chat is answered in the chat), "
                            + "else email. One that does not reach the customer is refused with 409.") @Nullable String channel,
                        @Schema(description = "Subject; required for email, unused by chat and social.") @Nullable String subject,
                        @Schema(description = "Text.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text,
                        @Schema(description = "Files to send with it, base64 as for inbound email: JPEG, PNG, GIF, WebP, PDF or "
                            + "plain text, each at most `redress.mail.max-attachment-bytes` (10 MiB). One that breaks a rule "
                            + "refuses the reply (400, field `attachments`) and nothing is queued.")
                        @Nullable List<InboundMail.Attachment> attachments) {}

    @PostMapping("/api/v1/cases/{case}/replies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Write to the customer", description = "On the channel asked, or the one the case came by (email "
        + "otherwise); queued in the outbox with the case change and sent once; the answer carries the coach's advice.")
    @ApiResponse(responseCode = "202", description = "Queued for sending.")
    Replies.Queued reply(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody ReplyRequest body,
                         @AuthenticationPrincipal RedressUser me) {
        return replies.send(CaseManagement.idOf(number), me, body.channel(), body.purpose(), body.subject(), body.text(),
            attachments.check(body.attachments()));
    }

    @PostMapping("/api/v1/inbound/email")
    @ApiResponse(responseCode = "403", description = "Not an integration: only a user with the role integration, through "
        + "a token an admin issued, posts here (people, admins included, do not).", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(summary = "Receive an email", description = "For a mail provider's inbound webhook: a reply joins its case, "
        + "other mail opens a complaint, automatic mail and replies to mail for staff (the weekly digest) are set aside; a "
        + "Message-ID is taken once.")
    Mailbox.Result inbound(@RequestBody InboundMail mail) {
        return mailbox.receive(mail);
    }

    @PostMapping("/api/v1/inbound/social")
    @ApiResponse(responseCode = "403", description = "Not an integration: only a user with the role integration, through "
        + "a token an admin issued, posts here (people, admins included, do not).", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(summary = "Receive a social post or message", description = "Opens a case (channel social) or joins the "
        + "author's open one; a post id is taken once.")
    SocialResult mention(@RequestBody SocialReplies.Mention mention) {
        ChannelInbox.Received received = social.mention(mention);
        return new SocialResult(received.outcome() == ChannelInbox.Outcome.DUPLICATE ? "REPLAYED" : received.outcome().name(),
            received.recoveryCase().number());
    }

    @Schema(name = "SocialMentionResult", description = "What became of a social post.")
    record SocialResult(@Schema(description = "OPENED, JOINED or REPLAYED (seen before).") String result,
                        @Schema(description = "The case.") String caseNumber) {}

    @Schema(name = "SocialReply", description = "An answer on the customer's social network.")
    record SocialReplyRequest(@Schema(description = "What it is for; in public only ACKNOWLEDGEMENT.") @Nullable String purpose,
                              @Schema(description = "True (default) to answer publicly, false for a direct message.") @Nullable Boolean isPublic,
                              @Schema(description = "Text.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text) {}

    @Schema(name = "SocialReplyQueued", description = "The answer, queued for posting.")
    record SocialQueued(@Schema(description = "Its id in the outbox.") String messageId) {}

    @PostMapping("/api/v1/cases/{case}/social-replies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Answer on the social network", description = "In public only an acknowledgement that invites the "
        + "customer to continue privately; everything else by direct message. Refused with 400 otherwise.")
    @ApiResponse(responseCode = "202", description = "Queued for posting.")
    SocialQueued socialReply(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody SocialReplyRequest body,
                             @AuthenticationPrincipal RedressUser me) {
        return new SocialQueued(social.reply(CaseManagement.idOf(number), me, body.purpose(), body.isPublic(), body.text()));
    }

    @GetMapping("/api/v1/cases/{case}/outbox")
    @Operation(summary = "Messages to the customer of a case, with their delivery")
    List<Outbox.Sent> sent(@Parameter(description = CASE) @PathVariable("case") String number) {
        long id = CaseManagement.idOf(number);
        return outbox.ofCase(id);
    }
}
