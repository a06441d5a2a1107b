package io.intelligencecrm.outreach.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One email as queued in the outbox (kind {@code email.send}).
 *
 * @param contactId set for mail to a contact (outreach: carries unsubscribe headers and a link,
 *                  and is logged on the contact's timeline); null for mail to a user of the CRM
 */
public record OutboundEmail(String to, String subject, String body, String contactId, String senderUserId) {
    public static final String KIND = "email.send";

    public static OutboundEmail fromPayload(Map<String, Object> payload) {
        return new OutboundEmail(text(payload, "to"), text(payload, "subject"), text(payload, "body"),
                text(payload, "contactId"), text(payload, "senderUserId"));
    }

    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", to);
        payload.put("subject", subject);
        payload.put("body", body);
        if (contactId != null) payload.put("contactId", contactId);
        if (senderUserId != null) payload.put("senderUserId", senderUserId);
        return payload;
    }

    public boolean toContact() {
        return contactId != null;
    }

    private static String text(Map<String, Object> payload, String key) {
        return payload.get(key) instanceof String value ? value : null;
    }
}
