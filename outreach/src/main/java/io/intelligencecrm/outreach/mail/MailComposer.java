package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.dkim.DkimSigner;
import io.intelligencecrm.outreach.unsubscribe.UnsubscribeService;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Builds the MIME message for a queued email. Mail to contacts carries RFC 2369 List-Unsubscribe
 * and RFC 8058 one-click List-Unsubscribe-Post headers and a visible unsubscribe link. The
 * Message-ID is derived from the idempotency key, so a resend after a crash is recognisably the
 * same message. With a tenant DKIM key the finished message is signed.
 */
public final class MailComposer {
    private final UnsubscribeService unsubscribe;

    public MailComposer(UnsubscribeService unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    public static String messageId(TenantId tenant, String idempotencyKey, String fromAddress) {
        UUID id = UUID.nameUUIDFromBytes((tenant.value() + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
        return "<" + id + "@" + domain + ">";
    }

    public MimeMessage compose(TenantId tenant, MailRoute route, OutboundEmail email, String messageId)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(route.session(), messageId);
        message.setFrom(from(route));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(new Date());
        if (email.thread() != null) {
            message.setHeader("In-Reply-To", email.thread().inReplyTo());
            if (email.thread().references() != null) message.setHeader("References", email.thread().references());
            if (email.thread().replyTo() != null) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(email.thread().replyTo(), true)});
            }
            // RFC 3834: an automatic answer, so well-behaved autoresponders do not answer it back.
            message.setHeader("Auto-Submitted", "auto-replied");
        }
        String body = email.body();
        if (email.toContact()) {
            String link = unsubscribe.link(tenant, email.to());
            message.setHeader("List-Unsubscribe", "<" + link + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            body = body + "\n\n--\nDon't want these emails? Unsubscribe: " + link + "\n";
        }
        message.setText(body, "UTF-8");
        return route.dkim() == null ? message : DkimSigner.sign(message, route.session(), route.dkim(), Instant.now());
    }

    private static InternetAddress from(MailRoute route) throws MessagingException {
        try {
            return route.fromName() == null ? new InternetAddress(route.fromAddress(), true)
                    : new InternetAddress(route.fromAddress(), route.fromName(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("bad sender name", e);
        }
    }

    /** Keeps the Message-ID we chose instead of the random one jakarta-mail would set on saving. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
