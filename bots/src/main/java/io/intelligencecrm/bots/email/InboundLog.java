package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;

/**
 * Each inbound message is claimed by its Message-ID before anything is done with it, so the same
 * mail read twice (two nodes polling, a provider retrying the webhook, IMAP redelivery) acts once.
 */
final class InboundLog {
    private final TenantTransactions transactions;

    InboundLog(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** @return true for the first delivery of the message, false for any later one */
    boolean claim(TenantId tenant, InboundEmail email) {
        return transactions.inTenant(tenant, handle -> handle.createUpdate("""
                        insert into email_bot_messages (tenant_id, message_id, sender, subject)
                        values (crm_current_tenant(), :id, :sender, :subject)
                        on conflict do nothing""")
                .bind("id", email.messageId()).bind("sender", email.from() == null ? "" : email.from())
                .bind("subject", email.subject()).execute() == 1);
    }

    /** @param outcome command, interaction, lead, ignored or failed */
    void settle(TenantId tenant, String messageId, String outcome, String detail) {
        transactions.useTenant(tenant, handle -> handle.createUpdate(
                        "update email_bot_messages set outcome = :outcome, detail = :detail where message_id = :id")
                .bind("outcome", outcome).bind("detail", detail).bind("id", messageId).execute());
    }
}
