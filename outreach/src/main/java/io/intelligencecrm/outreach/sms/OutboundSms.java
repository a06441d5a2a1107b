package io.intelligencecrm.outreach.sms;

import java.util.LinkedHashMap;
import java.util.Map;

/** One text message as queued in the outbox (kind {@code sms.send}). */
public record OutboundSms(String to, String body, String contactId, String senderUserId) {
    public static final String KIND = "sms.send";

    public OutboundSms(String to, String body, String contactId) {
        this(to, body, contactId, null);
    }

    public static OutboundSms fromPayload(Map<String, Object> payload) {
        return new OutboundSms((String) payload.get("to"), (String) payload.get("body"),
                (String) payload.get("contactId"), (String) payload.get("senderUserId"));
    }

    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", to);
        payload.put("body", body);
        if (contactId != null) payload.put("contactId", contactId);
        if (senderUserId != null) payload.put("senderUserId", senderUserId);
        return payload;
    }

    /** The number as the suppression list keeps it: digits and a leading plus only. */
    public static String normalise(String phone) {
        return phone == null ? null : phone.replaceAll("[^0-9+]", "");
    }
}
