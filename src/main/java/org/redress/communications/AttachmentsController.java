package org.redress.communications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.redress.cases.CaseManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The customer's files, for staff: listed in the API, downloaded from the API and from the
 * case page. The URLs name the case, so only people who may open it get this far (the
 * case module checks every such URL); anonymous visitors and customers' links never reach
 * them. A file is always a download, never shown inline: its type came from the customer.
 */
@RestController
@Tag(name = "Communications")
class AttachmentsController {

    private static final String CASE = "Case number (`RC-000123`) or id.";

    private final Attachments attachments;

    AttachmentsController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/cases/{case}/attachments")
    @Operation(summary = "Files the customer sent", description = "Oldest first, each with the message it came with.")
    List<Attachments.Attachment> list(@Parameter(description = CASE) @PathVariable("case") String number) {
        return attachments.ofCase(CaseManagement.idOf(number));
    }

    @GetMapping("/api/v1/cases/{case}/attachments/{id}")
    @Operation(summary = "Download a file the customer sent", description = "The content as received, with its type, "
        + "as an attachment (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`).")
    @ApiResponse(responseCode = "200", description = "The file.", content = @Content(mediaType = "application/octet-stream",
        schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> download(@Parameter(description = CASE) @PathVariable("case") String number,
                                    @Parameter(description = "The file's id.") @PathVariable long id) {
        return file(number, id);
    }

    @GetMapping("/cases/{case}/attachments/{id}")
    ResponseEntity<byte[]> downloadInConsole(@PathVariable("case") String number, @PathVariable long id) {
        return file(number, id);
    }

    private ResponseEntity<byte[]> file(String number, long id) {
        Attachments.Download file = attachments.download(CaseManagement.idOf(number), id);
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .cacheControl(CacheControl.noStore().cachePrivate())
            .body(file.content());
    }
}
