package org.redress.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/taxonomy")
@Tag(name = "Taxonomy", description = "Complaint categories and root causes.")
class TaxonomyApiController {

    private final Taxonomy taxonomy;

    TaxonomyApiController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping("/categories")
    @Operation(summary = "Complaint categories")
    List<TaxonomyEntry> categories(@Parameter(description = "Include retired entries.") @RequestParam(defaultValue = "false") boolean all) {
        return taxonomy.entries(Taxonomy.CATEGORY, !all);
    }

    @GetMapping("/root-causes")
    @Operation(summary = "Root causes")
    List<TaxonomyEntry> rootCauses(@Parameter(description = "Include retired entries.") @RequestParam(defaultValue = "false") boolean all) {
        return taxonomy.entries(Taxonomy.ROOT_CAUSE, !all);
    }

    @Schema(description = "A taxonomy entry to add or change.")
    record EntryRequest(
        @Schema(description = "Label shown to people.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String label,
        @Schema(description = "False retires the entry.", defaultValue = "true") @Nullable Boolean active,
        @Schema(description = "Order in lists.", defaultValue = "50") @Nullable Integer position) {}

    @PutMapping("/{kind}/{code}")
    @Operation(summary = "Add or change an entry (admin)", description = "`kind` is `categories` or `root-causes`.")
    TaxonomyEntry save(@Parameter(description = "`categories` or `root-causes`.") @PathVariable String kind,
                       @Parameter(description = "Code: lower-case letters, digits and hyphens.", example = "late-delivery") @PathVariable String code, @RequestBody EntryRequest body,
                       @AuthenticationPrincipal RedressUser user) {
        String singular = switch (kind) {
            case "categories" -> Taxonomy.CATEGORY;
            case "root-causes" -> Taxonomy.ROOT_CAUSE;
            default -> kind;
        };
        return taxonomy.save(user.actor(), singular, code, body.label(),
            body.active() == null || body.active(), body.position() == null ? 50 : body.position());
    }
}
