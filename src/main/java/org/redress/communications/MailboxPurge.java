package org.redress.communications;

import org.redress.shared.Conflict;
import org.springframework.stereotype.Component;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.RecipientStringTerm;

/**
 * Deletes a customer's mail from the mailbox Redress reads (when one is configured): the
 * poller only marks what it took as seen, so their messages would otherwise stay there after
 * the rest of their data is erased.
 */
@Component
class MailboxPurge {

    private final ImapSettings settings;

    MailboxPurge(ImapSettings settings) {
        this.settings = settings;
    }

    /** Deletes the messages from or to {@code address}; returns how many. */
    int purge(String address) {
        if (!settings.enabled() || address.isBlank()) {
            return 0;
        }
        try (Store store = settings.connect(false)) {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            Message[] theirs = folder.search(new OrTerm(new FromStringTerm(address),
                new RecipientStringTerm(Message.RecipientType.TO, address)));
            for (Message message : theirs) {
                message.setFlag(Flags.Flag.DELETED, true);
            }
            folder.close(true);
            return theirs.length;
        } catch (MessagingException e) {
            throw new Conflict("The mailbox at " + settings.host() + " could not be reached (" + e.getMessage()
                + "), so nothing was erased: their mail there would have stayed. Try again when it is back.");
        }
    }
}
