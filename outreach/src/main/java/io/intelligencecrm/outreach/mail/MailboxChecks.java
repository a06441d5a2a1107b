package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Instant;
import java.util.Optional;

/**
 * How the last read of each mailbox the product watches went (the bounce mailbox, the email bot's), so
 * an admin sees in settings a mailbox that cannot be reached, why, and since when.
 */
public final class MailboxChecks {
    public static final String BOUNCE = "bounce";
    public static final String EMAIL_BOT = "email_bot";

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
    public void record(TenantId tenant, String mailbox, String error) {
        String text = error == null || error.length() <= 500 ? error : error.substring(0, 500);
        transactions.useTenant(tenant, handle -> handle.createUpdate("""
                        insert into mailbox_checks (tenant_id, mailbox, checked_at, error, failing_since)
                        values (crm_current_tenant(), :mailbox, now(), :error,
                                case when cast(:error as text) is null then null else now() end)
                        on conflict (tenant_id, mailbox) do update
                           set checked_at = now(), error = excluded.error,
                               failing_since = case when excluded.error is null then null
                                                    else coalesce(mailbox_checks.failing_since, now()) end""")
                .bind("mailbox", mailbox).bind("error", text).execute());
    }

    public Optional<Check> last(TenantId tenant, String mailbox) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select checked_at, error, failing_since from mailbox_checks where mailbox = :mailbox""")
                .bind("mailbox", mailbox)
                .map((rs, ctx) -> new Check(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).findOne());
    }

    /** Forgets the state of a mailbox whose settings changed: the next read tells anew. */
    public void forget(TenantId tenant, String mailbox) {
        transactions.useTenant(tenant, handle -> handle.createUpdate("delete from mailbox_checks where mailbox = :mailbox")
                .bind("mailbox", mailbox).execute());
    }
}
