package io.intelligencecrm.outreach.sms;

/** The provider account a tenant's texts go out through: its own, or the product's. */
public record SmsAccount(String accountSid, String authToken, String from) {
}
