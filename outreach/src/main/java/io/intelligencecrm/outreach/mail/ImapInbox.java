package io.intelligencecrm.outreach.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Properties;

/**
 * Reads the unread mail of an IMAP mailbox (bounce reports, the email bot): each message is handed
 * to a reader, and marked read only when the reader says it is done with it, so mail meant for a
 * person stays unread for them. Stateless and thread-safe; one connection per call.
 */
public final class ImapInbox {

    /** What to do with one unread message; throwing leaves it unread for the next pass. */
    public interface Reader {
        /** @return true to mark the message read (handled), false to leave it unread */
        boolean read(MimeMessage message) throws MessagingException;
    }

    /** @return how many messages were marked read */
    public int readUnseen(MailboxAccount mailbox, Reader reader) throws MessagingException {
        return withFolder(mailbox, folder -> readUnseen(folder, reader));
    }

    private interface FolderWork {
        int run(Folder folder) throws MessagingException;
    }

    private static int withFolder(MailboxAccount mailbox, FolderWork work) throws MessagingException {
        String protocol = mailbox.security().equals("tls") ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        try {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return work.run(folder);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static int readUnseen(Folder folder, Reader reader) throws MessagingException {
        int read = 0;
        for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
            // Fetching the content marks it read on most servers; what the reader leaves stays unread.
            boolean handled = reader.read((MimeMessage) message);
            message.setFlag(Flags.Flag.SEEN, handled);
            if (handled) read++;
        }
        return read;
    }
}
