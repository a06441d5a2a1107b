package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.Optional;

/** Reads the development capture: the mail the tenant "sent" while no mail server was configured. */
public final class CapturedMails {
    private final TenantTransactions transactions;

    public CapturedMails(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Newest first. Everyone in the tenant may read it: it is the demo's stand-in for a mail server. */
    public List<CapturedMail> recent(Actor actor, int limit, String recipient) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select id, message_id, sender, recipients, subject, raw, captured_at from captured_mails
                         where cast(:recipient as text) is null or recipients ilike '%' || :recipient || '%'
                         order by captured_at desc, id desc limit :limit""")
                .bind("recipient", recipient)
                .bind("limit", Math.max(1, Math.min(limit, 500)))
                .map((rs, ctx) -> new CapturedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list());
    }

    public Optional<CapturedMail> find(Actor actor, long id) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select id, message_id, sender, recipients, subject, raw, captured_at from captured_mails
                         where id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new CapturedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).findOne());
    }
}
