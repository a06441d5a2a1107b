package io.intelligencecrm.core.config;

import java.util.Optional;

/**
 * Mail and SMS delivery. Without CRM_SMTP_HOST, mail that no tenant configured its own SMTP for is
 * captured in the database and shown in the app (the demo default). SMS is off unless a Twilio
 * account is configured. Read in {@link Settings}; each variable is in docs/operating/configuration.md.
 *
 * @param smtpSecurity      none, starttls or tls
 * @param dailyCap          mails a tenant may send per UTC day unless its own settings say otherwise
 * @param dispatchMillis    how often the mail dispatcher looks for queued mail
 */
public record OutreachSettings(Optional<String> smtpHost, int smtpPort, String smtpSecurity,
                               Optional<String> smtpUsername, Optional<String> smtpPassword, String fromAddress,
                               int dailyCap, int dispatchMillis,
                               Optional<String> twilioAccountSid, Optional<String> twilioAuthToken,
                               Optional<String> smsFrom, String twilioBaseUrl) {

    static OutreachSettings from(Env env) {
        String security = env.string("CRM_SMTP_SECURITY", "starttls").toLowerCase();
        if (!security.equals("none") && !security.equals("starttls") && !security.equals("tls")) {
            env.problem("CRM_SMTP_SECURITY must be one of none, starttls, tls, was '" + security + "'");
        }
        Optional<String> sid = env.optional("CRM_SMS_TWILIO_ACCOUNT_SID");
        Optional<String> token = env.optional("CRM_SMS_TWILIO_AUTH_TOKEN");
        Optional<String> smsFrom = env.optional("CRM_SMS_FROM");
        if (sid.isPresent() != token.isPresent() || (sid.isPresent() && smsFrom.isEmpty())) {
            env.problem("SMS needs CRM_SMS_TWILIO_ACCOUNT_SID, CRM_SMS_TWILIO_AUTH_TOKEN and CRM_SMS_FROM together");
        }
        return new OutreachSettings(
                env.optional("CRM_SMTP_HOST"),
                env.integer("CRM_SMTP_PORT", 587, 1, 65535),
                security,
                env.optional("CRM_SMTP_USERNAME"),
                env.optional("CRM_SMTP_PASSWORD"),
                env.string("CRM_MAIL_FROM", "crm@localhost"),
                env.integer("CRM_MAIL_DAILY_CAP", 500, 1, 10_000_000),
                env.integer("CRM_MAIL_DISPATCH_MILLIS", 1000, 50, 600_000),
                sid, token, smsFrom,
                env.string("CRM_SMS_TWILIO_URL", "https://api.twilio.com").replaceAll("/+$", ""));
    }
}
