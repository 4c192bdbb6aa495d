package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/** With redress.attachments.store=files the content is on disk, the row keeps its key, and everything else is the same. */
class AttachmentFileStoreTests extends ApplicationTest {

    private static final Path DIRECTORY = temporaryDirectory();
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF, 1, 2, 3};

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) {
        registry.add("redress.attachments.store", () -> "files");
        registry.add("redress.attachments.directory", DIRECTORY::toString);
    }

    @Test
    void theCustomersFileIsKeptOnDiskAndDownloadedExactly() throws IOException {
        String email = "disk-" + unique() + "@example.com";
        String number = openFor(email);
        Http.Response received = integration().post("/api/v1/inbound/email", Map.of("from", email, "subject", "Re: " + number,
            "text", "The photo.", "messageId", "<" + unique() + "@x>", "attachments", List.of(Map.of("filename", "p.png",
                "contentType", "image/png", "content", Base64.getEncoder().encodeToString(PHOTO)))));
        assertThat(received.status()).as(received.body()).isEqualTo(200);

        long id = admin().get("/api/v1/cases/" + number + "/attachments").json().get(0).get("id").asLong();
        Map<String, Object> row = jdbc.sql("select content, storage_key from case_attachments where id = ?").param(id)
            .query().singleRow();
        assertThat(row.get("content")).isNull();
        assertThat(Files.readAllBytes(DIRECTORY.resolve((String) row.get("storage_key")))).isEqualTo(PHOTO);
        assertThat(admin().download("/api/v1/cases/" + number + "/attachments/" + id).body()).isEqualTo(PHOTO);
    }

    @Test
    void aReplysFileIsKeptOnDiskAndARefusedReplyLeavesNoFile() {
        String number = openFor("disk-reply-" + unique() + "@example.com");
        long filesBefore = filesOnDisk();

        Http.Response refused = admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Files", "text",
            "Hello, the files are attached.", "attachments", List.of(
                Map.of("filename", "ok.pdf", "contentType", "application/pdf", "content", "JVBERg=="),
                Map.of("filename", "page.html", "contentType", "text/html", "content", "PGgxPg=="))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(filesOnDisk()).isEqualTo(filesBefore);

        Http.Response sent = admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Files", "text",
            "Hello, the label is attached.", "attachments", List.of(
                Map.of("filename", "label.pdf", "contentType", "application/pdf", "content", "JVBERg=="))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(filesOnDisk()).isEqualTo(filesBefore + 1);
        JsonNode listed = admin().get("/api/v1/cases/" + number + "/attachments").json().get(0);
        assertThat(admin().download("/api/v1/cases/" + number + "/attachments/" + listed.get("id").asLong()).body())
            .isEqualTo(new byte[] {'%', 'P', 'D', 'F'});
    }

    @Test
    void erasingTheCustomerDeletesTheirFilesFromDisk() {
        String email = "erase-" + unique() + "@example.com";
        String number = openFor(email);
        integration().post("/api/v1/inbound/email", Map.of("from", email, "subject", "Re: " + number, "text", "Photo.",
            "messageId", "<" + unique() + "@x>", "attachments", List.of(Map.of("filename", "p.png", "contentType", "image/png",
                "content", Base64.getEncoder().encodeToString(PHOTO)))));
        String key = jdbc.sql("select storage_key from case_attachments where case_id = ?")
            .param(Long.parseLong(number.substring(3))).query(String.class).single();
        long customer = admin().get("/api/v1/cases/" + number).json().get("customer").get("id").asLong();
        JsonNode exported = admin().get("/api/v1/customers/" + customer + "/personal-data").json();
        assertThat(exported.toString()).contains(Base64.getEncoder().encodeToString(PHOTO));
        closeAsRecovered(number);

        Http.Response erased = admin().post("/api/v1/customers/" + customer + "/erasure", Map.of());

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(Files.exists(DIRECTORY.resolve(key))).isFalse();
    }

    private static long filesOnDisk() {
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("redress-attachments-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String openFor(String email) {
        return admin().post("/api/v1/complaints", Map.of("customer", Map.of("email", email, "name", "Maria"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
            "message", "The vase is in pieces.")).json().get("number").asString();
    }
}
