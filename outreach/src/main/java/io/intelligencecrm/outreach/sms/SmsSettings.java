package io.intelligencecrm.outreach.sms;

/**
 * A tenant's SMS settings as shown to admins; the auth token is never shown, only whether one is stored.
 *
 * @param quietHours local hours no text goes out, e.g. "21-8"; the product's default when not set here
 * @param account    whose provider account is used: "tenant", "product" or "none" (SMS is off)
 * @param webhookUrl where the provider sends replies and status callbacks for this tenant
 */
public record SmsSettings(String accountSid, boolean authTokenSet, String fromNumber, String quietHours,
                          String helpText, String account, String webhookUrl) {
}
