package io.intelligencecrm.outreach.mail;

import java.time.Instant;

/**
 * A tenant's own mail configuration as shown to admins: passwords never leave the database, only
 * whether one is stored. Empty SMTP host means the product's default (configured SMTP or the capture).
 */
public record MailSettings(String smtpHost, Integer smtpPort, String smtpSecurity, String smtpUsername,
                           boolean smtpPasswordSet, String fromAddress, String fromName, Integer dailyCap,
                           String imapHost, Integer imapPort, String imapSecurity, String imapUsername,
                           boolean imapPasswordSet, String imapFolder, Instant updatedAt) {

    static final MailSettings NONE = new MailSettings(null, null, "starttls", null, false, null, null, null, null,
            null, "tls", null, false, "INBOX", null);
}
