package io.intelligencecrm.core.config;

import java.time.Duration;

/**
 * How often the email bot reads each tenant's bot mailbox over IMAP, and notices bots that were
 * set up or removed. The mailboxes themselves are per tenant, in the database.
 */
public record EmailBotPolling(Duration interval) {

    static EmailBotPolling from(Env env) {
        return new EmailBotPolling(Duration.ofSeconds(env.integer("CRM_EMAIL_BOT_POLL_SECONDS", 30, 1, 3600)));
    }
}
