package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Instant;
import java.util.Optional;

/**
 * How the last read of each mailbox in {@link MailboxStore} went (the bounce mailbox, the email bot's), so
 * an admin sees in settings a mailbox that cannot be reached, why, and since when. Kept beside the mailbox
 * row, by the same tenant and use; the store forgets it when the mailbox changes.
 */
public final class MailboxChecks {

    private final TenantTransactions transactions;

    public MailboxChecks(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param error         why the last read failed; null when it worked
     * @param failingSince  when the reads began to fail; null while they work
     */
    public record Check(Instant checkedAt, String error, Instant failingSince) {
    }

    /** @param error null when the read worked */
    public void record(TenantId tenant, MailboxStore.Use mailbox, String error) {
        String text = error == null || error.length() <= 500 ? error : error.substring(0, 500);
        transactions.useTenant(tenant, handle -> handle.createUpdate("""
                        insert into mailbox_checks (tenant_id, purpose, checked_at, error, failing_since)
                        values (crm_current_tenant(), :mailbox, now(), :error,
                                case when cast(:error as text) is null then null else now() end)
                        on conflict (tenant_id, purpose) do update
                           set checked_at = now(), error = excluded.error,
                               failing_since = case when excluded.error is null then null
                                                    else coalesce(mailbox_checks.failing_since, now()) end""")
                .bind("mailbox", mailbox.column()).bind("error", text).execute());
    }

    public Optional<Check> last(TenantId tenant, MailboxStore.Use mailbox) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select checked_at, error, failing_since from mailbox_checks where purpose = :mailbox""")
                .bind("mailbox", mailbox.column())
                .map((rs, ctx) -> new Check(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).findOne());
    }
}
