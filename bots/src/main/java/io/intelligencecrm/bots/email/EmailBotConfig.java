package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.mail.MailboxAccount;
import java.util.Locale;
import java.util.Optional;

/** A tenant's email bot with its credentials opened, for the bot itself; never shown. */
record EmailBotConfig(TenantId tenant, String address, Optional<MailboxAccount> mailbox, String trustedAuthservId,
                      boolean createLeads, String webhookSecret) {

    /** Whether the address is the bot's, with or without a +tag. */
    boolean isBotAddress(String candidate) {
        return BotAddress.base(candidate).equals(address);
    }

    /** The +tag of the bot address among the recipients, or null. */
    String tagAmong(Iterable<String> recipients) {
        for (String recipient : recipients) {
            if (isBotAddress(recipient)) {
                String tag = BotAddress.tag(recipient);
                if (tag != null) return tag.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
