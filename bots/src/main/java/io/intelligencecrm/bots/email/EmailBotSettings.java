package io.intelligencecrm.bots.email;

import io.intelligencecrm.outreach.mail.MailboxChecks;
import java.time.Instant;

/**
 * A tenant's email bot as shown to admins; passwords and the webhook secret never leave the
 * database, only whether one is stored.
 *
 * @param address           the bot's address (people write to it, answers come from the tenant's mail route)
 * @param imapHost          the mailbox read over IMAP; null when mail only arrives through the webhook
 * @param trustedAuthservId the receiving server's authserv-id whose Authentication-Results are believed
 * @param createLeads       mail from an unknown address creates a lead
 * @param mailboxCheckedAt  when the mailbox was last read (by any node)
 * @param mailboxError      why that read failed (server unreachable, login refused); null when it worked
 * @param mailboxFailingSince since when reads fail; null while they work
 */
public record EmailBotSettings(boolean configured, String address, String imapHost, Integer imapPort,
                               String imapSecurity, String imapUsername, boolean imapPasswordSet, String imapFolder,
                               String trustedAuthservId, boolean createLeads, boolean webhookSecretSet,
                               Instant updatedAt, Instant mailboxCheckedAt, String mailboxError,
                               Instant mailboxFailingSince) {

    static final EmailBotSettings NONE = new EmailBotSettings(false, null, null, null, "tls", null, false, "INBOX",
            null, false, false, null, null, null, null);

    EmailBotSettings withCheck(MailboxChecks.Check check) {
        return new EmailBotSettings(configured, address, imapHost, imapPort, imapSecurity, imapUsername,
                imapPasswordSet, imapFolder, trustedAuthservId, createLeads, webhookSecretSet, updatedAt,
                check.checkedAt(), check.error(), check.failingSince());
    }
}
