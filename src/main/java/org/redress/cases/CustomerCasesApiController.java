package org.redress.cases;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Customers")
class CustomerCasesApiController {

    private final CustomerManagement customers;
    private final CaseSearch search;

    CustomerCasesApiController(CustomerManagement customers, CaseSearch search) {
        this.customers = customers;
        this.search = search;
    }

    @GetMapping("/api/v1/customers/{id}/cases")
    @Operation(summary = "A customer's case history", description = "The customer's cases you may open, newest first.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    CasePage history(@Parameter(description = "Customer id.") @PathVariable long id,
                     @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                     @Parameter(description = "Page size, 1–200.") @RequestParam(defaultValue = "50") int limit,
                     @AuthenticationPrincipal RedressUser user) {
        customers.get(id);
        return search.page(new CaseSearch.Filter(null, null, false, id, null, null), CaseScope.of(user), cursor, limit);
    }
}
