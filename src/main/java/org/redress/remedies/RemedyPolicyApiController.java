package org.redress.remedies;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The remedy policy: the catalog, the authority matrix and the fair-offer rules. Everyone reads it; admins change it. */
@RestController
@Tag(name = "Remedy policy", description = "The remedy catalog, the authority matrix and the fair-offer rules; changed by admins.")
class RemedyPolicyApiController {

    private final RemedyTypes types;
    private final RemedyAdmin admin;
    private final FairOfferRules rules;
    private final AuthorityRaises raises;

    RemedyPolicyApiController(RemedyTypes types, RemedyAdmin admin, FairOfferRules rules, AuthorityRaises raises) {
        this.raises = raises;
        this.types = types;
        this.admin = admin;
        this.rules = rules;
    }

    @GetMapping("/api/v1/remedies/types")
    @Operation(summary = "The remedy catalog", description = "Retired types (active false) included.")
    List<RemedyType> types() {
        return types.findAllByOrderByLabelAsc();
    }

    @Schema(name = "RemedyTypeDefinition", description = "A remedy type to add or change.")
    record TypeRequest(
        @Schema(description = "Name.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String label,
        @Schema(description = "DISCOUNT_PERCENT, DISCOUNT_AMOUNT, REFUND, ACCOUNT_CREDIT, REPLACEMENT, COMPLIMENTARY_SERVICE or GOODWILL.",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String kind,
        @Schema(description = "False to retire it (no longer offered); default true.") @Nullable Boolean active) {}

    @PutMapping("/api/v1/remedies/types/{code}")
    @Operation(summary = "Add or change a remedy type", description = "Admins only.")
    RemedyType saveType(@Parameter(description = "Code: lower-case letters, digits and hyphens.") @PathVariable String code,
                        @RequestBody TypeRequest body, @AuthenticationPrincipal RedressUser me) {
        return admin.saveType(me, code, body.label(), body.kind(), body.active());
    }

    @GetMapping("/api/v1/remedies/authority-limits")
    @Operation(summary = "The authority matrix")
    List<RemedyAdmin.Limit> limits() {
        return admin.limits();
    }

    @GetMapping("/api/v1/remedies/authority-raises")
    @Operation(summary = "Authority raised above the matrix, in force now",
        description = "Per person and remedy type: the raised limits, where they come from (a certification) and when they end. "
            + "While one lasts, each of its limits counts where it is above the person's own or role limit.")
    List<AuthorityRaises.Raise> raises() {
        return raises.current();
    }

    @Schema(name = "AuthorityLimitDefinition", description = "A role's or one person's limit for a remedy type.")
    record LimitRequest(
        @Schema(description = "AGENT, LEAD, MANAGER or ADMIN; or leave out and give userId.") @Nullable String role,
        @Schema(description = "One person's own limit; or leave out and give role.") @Nullable Long userId,
        @Schema(description = "Remedy type code.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String type,
        @Schema(description = "Most per case, e.g. \"50.00\".", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String perCase,
        @Schema(description = "Most per calendar month, at least perCase.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String perMonth) {}

    @PutMapping("/api/v1/remedies/authority-limits")
    @Operation(summary = "Set a limit", description = "Admins only; replaces the holder's limit for the type.")
    RemedyAdmin.Limit setLimit(@RequestBody LimitRequest body, @AuthenticationPrincipal RedressUser me) {
        return admin.setLimit(me, body.role(), body.userId(), body.type(), body.perCase(), body.perMonth());
    }

    @DeleteMapping("/api/v1/remedies/authority-limits/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a limit", description = "Admins only. Without a limit for a type, its holder cannot grant it.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    void deleteLimit(@Parameter(description = "Limit id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        admin.deleteLimit(me, id);
    }

    @GetMapping("/api/v1/remedies/fair-offer-rules")
    @Operation(summary = "The fair-offer policy")
    List<FairOfferRules.Rule> rules() {
        return rules.rules();
    }

    @Schema(name = "FairOfferRuleDefinition", description = "A fair-offer rule; null category, severity or tier match any.")
    record RuleRequest(
        @Schema(description = "A category code from GET /api/v1/taxonomy/categories, or null for any.") @Nullable String category,
        @Schema(description = "Severity 1–4, or null for any.") @Nullable Integer severity,
        @Schema(description = "A configured customer tier (default: standard, premium, vip), or null for any.") @Nullable String tier,
        @Schema(description = "Remedy type code.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String type,
        @Schema(description = "Low end, e.g. 20.00.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String from,
        @Schema(description = "High end, at least the low end.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String to) {

        FairOfferRules.Definition definition() {
            return new FairOfferRules.Definition(category, severity, tier, type, from, to);
        }
    }

    @PostMapping("/api/v1/remedies/fair-offer-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a fair-offer rule", description = "Admins only.")
    @ApiResponse(responseCode = "201", description = "Added.")
    FairOfferRules.Rule addRule(@RequestBody RuleRequest body, @AuthenticationPrincipal RedressUser me) {
        return rules.addRule(me, body.definition());
    }

    @PutMapping("/api/v1/remedies/fair-offer-rules/{id}")
    @Operation(summary = "Change a fair-offer rule", description = "Admins only; the whole rule is replaced.")
    FairOfferRules.Rule changeRule(@Parameter(description = "Rule id.") @PathVariable long id, @RequestBody RuleRequest body,
                                   @AuthenticationPrincipal RedressUser me) {
        return rules.changeRule(me, id, body.definition());
    }

    @DeleteMapping("/api/v1/remedies/fair-offer-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a fair-offer rule", description = "Admins only.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    void deleteRule(@Parameter(description = "Rule id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        rules.deleteRule(me, id);
    }
}
