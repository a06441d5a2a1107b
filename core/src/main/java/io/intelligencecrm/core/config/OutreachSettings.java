package io.intelligencecrm.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Mail and SMS delivery. Without CRM_SMTP_HOST, mail that no tenant configured its own SMTP for is
 * captured in the database and shown in the app (the demo default). SMS is off unless a Twilio
 * account is configured. Read in {@link Settings}; each variable is in docs/operating/configuration.md.
 *
 * @param smtpSecurity      none, starttls or tls
 * @param dailyCap          mails a tenant may send per UTC day unless its own settings say otherwise
 * @param dispatchMillis    how often the mail dispatcher looks for queued mail
 * @param retries           how long and how often a temporarily refused mail is tried again
 * @param smsQuietHours     local hours in which no text goes out unless a tenant sets its own; null: none
 */
public record OutreachSettings(Optional<String> smtpHost, int smtpPort, String smtpSecurity,
                               Optional<String> smtpUsername, Optional<String> smtpPassword, String fromAddress,
                               int dailyCap, int dispatchMillis,
                               Optional<String> twilioAccountSid, Optional<String> twilioAuthToken,
                               Optional<String> smsFrom, String twilioBaseUrl, Retries retries,
                               QuietHours smsQuietHours) {

    /** Local hours from {@code start} (inclusive) to {@code end} (exclusive), across midnight when start > end. */
    public record QuietHours(int start, int end) {
        public boolean contains(int hour) {
            return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
        }

        /** "21-8" (hours 0 to 23), or "none"; null when neither. */
        public static QuietHours parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})-(\\d{1,2})").matcher(text.strip());
            if (!m.matches()) return null;
            int start = Integer.parseInt(m.group(1));
            int end = Integer.parseInt(m.group(2));
            return start > 23 || end > 23 || start == end ? null : new QuietHours(start, end);
        }
    }

    /**
     * Retries of mail a server refused for now (4xx) or could not take: the first after {@code firstDelay},
     * each later one twice as long after the previous, never more than {@code maxDelay} apart, until
     * {@code period} after the first refusal; then the mail fails for good.
     */
    public record Retries(Duration firstDelay, Duration maxDelay, Duration period) {
    }

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
                env.string("CRM_SMS_TWILIO_URL", "https://api.twilio.com").replaceAll("/+$", ""),
                new Retries(env.duration("CRM_MAIL_RETRY_FIRST_DELAY", Duration.ofMinutes(5), Duration.ofMillis(10),
                        Duration.ofHours(6)),
                        env.duration("CRM_MAIL_RETRY_MAX_DELAY", Duration.ofHours(4), Duration.ofMillis(10),
                                Duration.ofDays(1)),
                        env.duration("CRM_MAIL_RETRY_PERIOD", Duration.ofDays(3), Duration.ofSeconds(1),
                                Duration.ofDays(30))),
                quietHours(env));
    }

    private static QuietHours quietHours(Env env) {
        String text = env.string("CRM_SMS_QUIET_HOURS", "21-8");
        if (text.equalsIgnoreCase("none")) return null;
        QuietHours hours = QuietHours.parse(text);
        if (hours == null) {
            env.problem("CRM_SMS_QUIET_HOURS must be hours like 21-8 (from 21:00 to 08:00 local time) or none, was '"
                    + text + "'");
        }
        return hours;
    }
}
