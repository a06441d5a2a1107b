package io.intelligencecrm.outreach.mail;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's own mail configuration as shown to admins: passwords and the DKIM private key never leave the
 * database, only whether one is stored. Empty SMTP host means the product's default (configured SMTP or
 * the capture).
 *
 * @param dkimDnsName     where the DKIM public key must be published (a TXT record), when a key was made
 * @param dkimDnsRecord   the TXT record's text
 * @param imapCheckedAt   when the bounce mailbox was last read (successfully or not)
 * @param imapError       why the last read failed; null when it worked
 * @param warnings        what an admin should fix (plain http links in mail, a sender outside the DKIM domain ...)
 */
public record MailSettings(String smtpHost, Integer smtpPort, String smtpSecurity, String smtpUsername,
                           boolean smtpPasswordSet, String fromAddress, String fromName, Integer dailyCap,
                           String imapHost, Integer imapPort, String imapSecurity, String imapUsername,
                           boolean imapPasswordSet, String imapFolder, String dkimDomain, String dkimSelector,
                           String dkimDnsName, String dkimDnsRecord, Instant imapCheckedAt, String imapError,
                           Instant updatedAt, List<String> warnings) {

    static final MailSettings NONE = new MailSettings(null, null, "starttls", null, false, null, null, null, null,
            null, "tls", null, false, "INBOX", null, null, null, null, null, null, null, List.of());

    MailSettings withCheck(Instant checkedAt, String error) {
        return new MailSettings(smtpHost, smtpPort, smtpSecurity, smtpUsername, smtpPasswordSet, fromAddress, fromName,
                dailyCap, imapHost, imapPort, imapSecurity, imapUsername, imapPasswordSet, imapFolder, dkimDomain,
                dkimSelector, dkimDnsName, dkimDnsRecord, checkedAt, error, updatedAt, warnings);
    }

    MailSettings withWarnings(List<String> newWarnings) {
        return new MailSettings(smtpHost, smtpPort, smtpSecurity, smtpUsername, smtpPasswordSet, fromAddress, fromName,
                dailyCap, imapHost, imapPort, imapSecurity, imapUsername, imapPasswordSet, imapFolder, dkimDomain,
                dkimSelector, dkimDnsName, dkimDnsRecord, imapCheckedAt, imapError, updatedAt, newWarnings);
    }
}
