package org.redress.communications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a file's content lives ({@link AttachmentSettings}): in its row, or on disk under a
 * key the row keeps. A file is written whole before its row (to a temporary name, then
 * moved), so a row never names half a file; if the transaction that wrote the row rolls
 * back, the file is deleted again, and a file is deleted from disk only once the deletion
 * of its row has committed.
 */
@Component
class AttachmentStore {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);

    private final AttachmentSettings settings;
    private final Path directory;

    AttachmentStore(AttachmentSettings settings) {
        this.settings = settings;
        this.directory = Path.of(settings.directory()).toAbsolutePath().normalize();
    }

    /** Keeps the content on disk when so configured: its key; null when it belongs in the row. */
    @Nullable String put(long caseId, byte[] content) {
        if (settings.store() != AttachmentSettings.Store.FILES) {
            return null;
        }
        String key = caseId + "/" + UUID.randomUUID();
        Path file = resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".incoming-", ".part");
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a file under " + directory + ": " + e.getMessage(), e);
        }
        afterRollback(() -> delete(List.of(key)));
        return key;
    }

    /** The content: the row's, or the file its key names. */
    byte[] read(byte @Nullable [] content, @Nullable String key) {
        if (key == null) {
            return content == null ? new byte[0] : content;
        }
        try {
            return Files.readAllBytes(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("The file " + key + " is missing from " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Deletes these files once the transaction that deleted their rows commits (at once without one). */
    void deleteAfterCommit(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delete(keys);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delete(keys);
            }
        });
    }

    private void afterRollback(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        action.run();
                    }
                }
            });
        }
    }

    private void delete(List<String> keys) {
        for (String key : keys) {
            try {
                Files.deleteIfExists(resolve(key));
            } catch (IOException e) {
                log.warn("Could not delete the attachment file {}: {}", key, e.getMessage());
            }
        }
    }

    // Keys are ours (case id and a UUID), but a key read back is still kept inside the directory.
    private Path resolve(String key) {
        Path file = directory.resolve(key).normalize();
        if (!file.startsWith(directory)) {
            throw new IllegalStateException("The attachment key " + key + " points outside " + directory);
        }
        return file;
    }
}
