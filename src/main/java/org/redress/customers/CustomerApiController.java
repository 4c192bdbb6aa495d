package org.redress.customers;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Forbidden;
import org.redress.shared.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "The people cases are about. Their case history is at /api/v1/customers/{id}/cases.")
class CustomerApiController {

    private final CustomerManagement customers;

    CustomerApiController(CustomerManagement customers) {
        this.customers = customers;
    }

    @Schema(name = "CustomerPage", description = "A page of customers, newest first.")
    record Page(@Schema(description = "The customers on this page.") List<CustomerView> items,
                @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    @GetMapping
    @Operation(summary = "Find customers", description = "Newest first; `q` matches name, email or reference. "
        + "Pass `nextCursor` as `cursor` for the next page.")
    Page search(@Parameter(description = "Text to look for.") @RequestParam(required = false) @Nullable String q,
                @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                @Parameter(description = "Page size, 1–200.") @RequestParam(defaultValue = "50") int limit) {
        Paging.limit(limit, 200);
        Paging.Page<CustomerView> page = Paging.of(customers.search(q, Paging.position(cursor), limit + 1), limit, CustomerView::id);
        return new Page(page.items(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a customer")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    CustomerView get(@Parameter(description = "Customer id.") @PathVariable long id) {
        return customers.get(id);
    }

    @Schema(description = "Changes to a customer; fields left out stay as they are.")
    record CustomerChangeRequest(@Schema(description = "Name.") @Nullable String name,
                                 @Schema(description = "Phone.") @Nullable String phone,
                                 @Schema(description = "Tier, one of the configured tiers.") @Nullable String tier,
                                 @Schema(description = "Lifetime value.") @Nullable BigDecimal lifetimeValue,
                                 @Schema(description = "ISO 4217 currency, required with a lifetime value.") @Nullable String currency) {}

    @PatchMapping("/{id}")
    @Operation(summary = "Change a customer", description = "Anyone may correct name and phone; tier and lifetime value "
        + "are for leads, managers and admins.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    CustomerView change(@Parameter(description = "Customer id.") @PathVariable long id, @RequestBody CustomerChangeRequest body, @AuthenticationPrincipal RedressUser user) {
        // Tier and value drive service targets and fair offers, so they are a supervisor's call.
        if ((body.tier() != null || body.lifetimeValue() != null) && !user.supervises()) {
            throw new Forbidden("Only leads, managers and admins change a customer's tier or lifetime value.");
        }
        return customers.update(user.actor(), id, new CustomerManagement.CustomerUpdate(body.name(), body.phone(),
            body.tier(), body.lifetimeValue(), body.currency()));
    }
}
