package org.redress.privacy;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A customer's personal data as a JSON file: from the API, and from the customer's page in the console (a download). */
@RestController
@Tag(name = "Personal data", description = "Everything Redress holds about a customer, for their right of access.")
class PersonalDataController {

    private final PersonalDataExport export;

    PersonalDataController(PersonalDataExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/customers/{id}/personal-data")
    @Operation(summary = "Export a customer's personal data", description = "Managers and admins. One JSON bundle: `format`, "
        + "`exportedAt`, `exportedBy`, `customerId`, then one section per module that holds something about the customer "
        + "(`customer`, `cases`, `communications` with attachments in base64, `promises`, `remedies`, `surveys`, `incidents`, "
        + "`risk`, `businessEvents`, `lessons`), each as rows of its tables, and `audit`, the audit log's entries about the "
        + "customer and their cases. The export itself is audited.")
    ResponseEntity<Map<String, @Nullable Object>> api(@Parameter(description = "Customer id.") @PathVariable long id,
                                                       @AuthenticationPrincipal RedressUser me) {
        return ResponseEntity.ok(export.export(me, id));
    }

    @GetMapping("/customers/{id}/personal-data")
    ResponseEntity<Map<String, @Nullable Object>> download(@PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + id + "-personal-data.json\"")
            .body(export.export(me, id));
    }
}
