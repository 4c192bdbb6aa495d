package org.redress.privacy;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.privacy.PersonalDataErasure.Report;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A customer's personal data through the API: exported as one JSON bundle, and erased. */
@RestController
@Tag(name = "Personal data", description = "Everything Redress holds about a customer, for their rights of access and erasure.")
class PersonalDataApiController {

    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;

    PersonalDataApiController(PersonalDataExport export, PersonalDataErasure erasure) {
        this.export = export;
        this.erasure = erasure;
    }

    @GetMapping("/api/v1/customers/{id}/personal-data")
    @Operation(summary = "Export a customer's personal data", description = "Managers and admins. One JSON bundle: `format`, "
        + "`exportedAt`, `exportedBy`, `customerId`, then one section per module that holds something about the customer "
        + "(`customer`, `cases`, `communications` with attachments in base64, `promises`, `remedies`, `surveys`, `incidents`, "
        + "`risk`, `businessEvents`, `lessons`, `webhooks`), each as rows of its tables, and `audit`, the audit log's entries about the "
        + "customer and their cases. The export itself is audited.")
    ResponseEntity<Map<String, @Nullable Object>> api(@Parameter(description = "Customer id.") @PathVariable long id,
                                                       @AuthenticationPrincipal RedressUser me) {
        return ResponseEntity.ok(export.export(me, id));
    }

    @PostMapping("/api/v1/customers/{id}/erasure")
    @Operation(summary = "Erase a customer's personal data", description = "Admins only, once all their cases are closed (409 "
        + "otherwise, naming the open ones). In one transaction: their name, email, phone and reference leave the customer "
        + "record (it stays as `[erased]`, so reports still count it); what they wrote (messages, mail, survey comments, "
        + "incident replies, remedy notes) is overwritten; their attachments, idempotency keys and silent-customer signals "
        + "are deleted; their identifiers are taken out of staff notes, timelines, promises, lessons, alerts, reviews, "
        + "webhook payloads, pending events and the audit log's details; mail still waiting for them is not sent; their "
        + "mail is deleted from the mailbox Redress reads, if one is configured (if it cannot be reached, nothing is "
        + "erased). Audited as `customer.erased`, without the data. A second erasure is refused (409).")
    Report eraseByApi(@Parameter(description = "Customer id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return erasure.erase(me, id);
    }
}
