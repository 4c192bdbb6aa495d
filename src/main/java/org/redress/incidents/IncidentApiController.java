package org.redress.incidents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.communications.CustomerNotices;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.redress.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Incidents", description = "Known defects, outages and delays: the affected customers, told first, and tracked to recovery.")
class IncidentApiController {

    private static final String INCIDENT = "Incident number (`IN-0007`) or id.";

    private final IncidentDesk desk;
    private final AffectedCustomers affected;
    private final AffectedCustomerList list;
    private final EventRule rule;
    private final IncidentNotices notices;

    IncidentApiController(IncidentDesk desk, AffectedCustomers affected, AffectedCustomerList list, EventRule rule,
                          IncidentNotices notices) {
        this.desk = desk;
        this.affected = affected;
        this.list = list;
        this.rule = rule;
        this.notices = notices;
    }

    @Schema(name = "IncidentDeclaration", description = "A known failure to declare.")
    record Declaration(
        @Schema(description = "Short title; the notice's subject starts with it.", requiredMode = Schema.RequiredMode.REQUIRED, example = "Late deliveries in the north") @Nullable String title,
        @Schema(description = "What happened, in words for customers.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String whatHappened,
        @Schema(description = "What we are doing about it.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String plan,
        @Schema(description = "The date it will be fixed by (YYYY-MM-DD), today or later.", requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-01") @Nullable String fixBy,
        @Schema(description = "Complaint category code for linked cases.", requiredMode = Schema.RequiredMode.REQUIRED, example = "delivery") @Nullable String category,
        @Schema(description = "Severity of linked cases, 1 (critical) to 4 (low); default 3.") @Nullable Integer severity) {}

    @PostMapping("/api/v1/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare an incident", description = "Leads, managers and admins.")
    @ApiResponse(responseCode = "201", description = "Declared, open.")
    IncidentView declare(@RequestBody Declaration body, @AuthenticationPrincipal RedressUser me) {
        return desk.declare(me, new IncidentDesk.Declaration(body.title(), body.whatHappened(), body.plan(), body.fixBy(),
            body.category(), body.severity()));
    }

    @Schema(name = "IncidentPage", description = "A page of incidents, newest first.")
    record Page(@Schema(description = "The incidents on this page.") List<IncidentView> items,
                @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    @GetMapping("/api/v1/incidents")
    @Operation(summary = "Incidents, newest first", description = "With their counts.")
    Page incidents(@Parameter(description = "open or closed; default both.") @RequestParam(required = false) @Nullable String status,
                   @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                   @Parameter(description = "Page size, 1–200 (default 50).") @RequestParam(defaultValue = "50") int limit) {
        Paging.limit(limit, 200);
        Paging.Page<IncidentView> page = Paging.of(desk.list(status, Paging.position(cursor), limit + 1), limit, IncidentView::id);
        return new Page(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/incidents/{incident}")
    @Operation(summary = "An incident with its counts")
    IncidentView get(@Parameter(description = INCIDENT) @PathVariable String incident) {
        return desk.get(IncidentDesk.idOf(incident));
    }

    @Schema(name = "AffectedCustomerList", description = "Customers to put on an incident.")
    record CustomerList(@Schema(description = "The customers, each with a customerRef or an email (at most 100,000; "
        + "requests are limited to 2 MiB).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<AffectedCustomers.Entry> customers) {}

    @PostMapping(path = "/api/v1/incidents/{incident}/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put customers on the incident from a list", description = "Customers not known yet are created; "
        + "those already on it are counted, not added again. Any bad entry adds nothing: the problem lists them all.")
    AffectedCustomers.Added addList(@Parameter(description = INCIDENT) @PathVariable String incident, @RequestBody CustomerList body,
                                    @AuthenticationPrincipal RedressUser me) {
        return affected.addList(me, IncidentDesk.idOf(incident), body.customers());
    }

    @PostMapping(path = "/api/v1/incidents/{incident}/customers/csv", consumes = "text/csv")
    @Operation(summary = "Put customers on the incident from CSV", description = "The first line is `customerRef,email,name`. "
        + "A file with any bad row (bad email, no reference and no email, wrong number of columns) adds nothing; the "
        + "problem's `errors` name every bad row by line (the first 100).")
    AffectedCustomers.Added addCsv(@Parameter(description = INCIDENT) @PathVariable String incident, @RequestBody String csv,
                                   @AuthenticationPrincipal RedressUser me) {
        return affected.addCsv(me, IncidentDesk.idOf(incident), csv);
    }

    @PostMapping(path = "/api/v1/incidents/{incident}/customers/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Put customers on the incident from an uploaded CSV file", description = "As the text/csv form, "
        + "with the file in the part `file`.")
    AffectedCustomers.Added uploadCsv(@Parameter(description = INCIDENT) @PathVariable String incident,
                                      @Parameter(description = "The CSV file.") @RequestPart("file") MultipartFile file,
                                      @AuthenticationPrincipal RedressUser me) {
        return affected.addCsv(me, IncidentDesk.idOf(incident), read(file));
    }

    static String read(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInput("The file could not be read: " + e.getMessage());
        }
    }

    @PostMapping("/api/v1/incidents/{incident}/customers/rule")
    @Operation(summary = "Put customers on the incident from business events", description = "Every customer with an "
        + "event of the type in [from, to), optionally with the attribute equal to the value.")
    AffectedCustomers.Added addByRule(@Parameter(description = INCIDENT) @PathVariable String incident,
                                      @RequestBody EventRule.Rule body, @AuthenticationPrincipal RedressUser me) {
        IncidentDesk.requireSupervisor(me, "put customers on incidents");
        long id = IncidentDesk.idOf(incident);
        desk.get(id);
        return affected.addFound(me, id, rule.customers(body));
    }

    @GetMapping("/api/v1/incidents/{incident}/customers")
    @Operation(summary = "The incident's customers and where each stands", description = "In the order they were added.")
    AffectedCustomerList.Page customers(@Parameter(description = INCIDENT) @PathVariable String incident,
                                        @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                                        @Parameter(description = "Page size, 1–500 (default 100).") @RequestParam(defaultValue = "100") int limit) {
        long id = IncidentDesk.idOf(incident);
        desk.get(id);
        return list.page(id, cursor, limit);
    }

    @GetMapping("/api/v1/incidents/{incident}/notice")
    @Operation(summary = "Preview the notice", description = "As a customer would receive it, from the incident notice template.")
    NoticePreview notice(@Parameter(description = INCIDENT) @PathVariable String incident, @AuthenticationPrincipal RedressUser me) {
        CustomerNotices.Draft draft = notices.preview(desk.get(IncidentDesk.idOf(incident)), me.name());
        return new NoticePreview(draft.subject(), draft.body());
    }

    @Schema(name = "IncidentNoticePreview", description = "The notice as a customer (a sample, Maria Lopez) would receive it.")
    record NoticePreview(@Schema(description = "Subject.") @Nullable String subject, @Schema(description = "Text.") String body) {}

    @Schema(name = "IncidentNotifyRequest", description = "How to tell the affected customers.")
    record NotifyRequest(@Schema(description = "Also open a linked case (channel proactive) for every affected customer.") @Nullable Boolean openCases) {}

    @PostMapping("/api/v1/incidents/{incident}/notify")
    @Operation(summary = "Notify the affected customers", description = "Each gets the notice once, through the outbox, "
        + "spread over time (redress.incidents.notices-per-minute); customers added later are notified too. Asking again "
        + "changes nothing. Leads, managers and admins.")
    IncidentView notifyCustomers(@Parameter(description = INCIDENT) @PathVariable String incident,
                                 @RequestBody(required = false) @Nullable NotifyRequest body, @AuthenticationPrincipal RedressUser me) {
        return desk.requestNotices(me, IncidentDesk.idOf(incident), body != null && Boolean.TRUE.equals(body.openCases()));
    }

    @Schema(name = "IncidentClosing", description = "The lesson learned; required.")
    record Closing(@Schema(description = "What we learned and will change.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String lesson) {}

    @PostMapping("/api/v1/incidents/{incident}/close")
    @Operation(summary = "Close the incident with its lesson", description = "Notices not yet queued are no longer sent. "
        + "Leads, managers and admins.")
    IncidentView close(@Parameter(description = INCIDENT) @PathVariable String incident, @RequestBody Closing body,
                       @AuthenticationPrincipal RedressUser me) {
        return desk.close(me, IncidentDesk.idOf(incident), body.lesson());
    }
}
