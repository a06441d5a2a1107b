package io.intelligencecrm.outreach.sms;

/** What the product answers the SMS provider's webhook: a status and, for replies, TwiML. */
public record SmsWebhookResponse(int status, String contentType, String body) {
    static SmsWebhookResponse twiml(String message) {
        String inner = message == null ? "" : "<Message>" + escape(message) + "</Message>";
        return new SmsWebhookResponse(200, "text/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + inner + "</Response>");
    }

    static SmsWebhookResponse refused(int status, String why) {
        return new SmsWebhookResponse(status, "text/plain", why);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
