package io.intelligencecrm.outreach.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Hands finished messages to a mail server (or the development capture), one connection per batch. */
public interface MailSender {

    Connection connect() throws MessagingException;

    /** An open conversation with the server; not thread-safe. */
    interface Connection extends AutoCloseable {
        void send(MimeMessage message) throws MessagingException;

        @Override
        void close();
    }
}
