package io.intelligencecrm.outreach.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One email as queued in the outbox (kind {@code email.send}).
 *
 * @param contactId set for mail to a contact (outreach: carries unsubscribe headers and a link,
 *                  and is logged on the contact's timeline); null for mail to a user of the CRM
 * @param thread    set for a reply in an email thread (the email bot's answers); null otherwise
 */
public record OutboundEmail(String to, String subject, String body, String contactId, String senderUserId,
                            ReplyThread thread) {
    public static final String KIND = "email.send";

    /**
     * How a reply joins its thread (RFC 5322 section 3.6.4).
     *
     * @param inReplyTo  the Message-ID answered
     * @param references the thread's Message-IDs, oldest first, ending with {@code inReplyTo}
     * @param replyTo    where answers to the reply should go (the bot's address); may be null
     */
    public record ReplyThread(String inReplyTo, String references, String replyTo) {
    }

    public OutboundEmail(String to, String subject, String body, String contactId, String senderUserId) {
        this(to, subject, body, contactId, senderUserId, null);
    }

    public static OutboundEmail fromPayload(Map<String, Object> payload) {
        ReplyThread thread = text(payload, "inReplyTo") == null ? null : new ReplyThread(text(payload, "inReplyTo"),
                text(payload, "references"), text(payload, "replyTo"));
        return new OutboundEmail(text(payload, "to"), text(payload, "subject"), text(payload, "body"),
                text(payload, "contactId"), text(payload, "senderUserId"), thread);
    }

    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", to);
        payload.put("subject", subject);
        payload.put("body", body);
        if (contactId != null) payload.put("contactId", contactId);
        if (senderUserId != null) payload.put("senderUserId", senderUserId);
        if (thread != null) {
            payload.put("inReplyTo", thread.inReplyTo());
            if (thread.references() != null) payload.put("references", thread.references());
            if (thread.replyTo() != null) payload.put("replyTo", thread.replyTo());
        }
        return payload;
    }

    public boolean toContact() {
        return contactId != null;
    }

    private static String text(Map<String, Object> payload, String key) {
        return payload.get(key) instanceof String value ? value : null;
    }
}
