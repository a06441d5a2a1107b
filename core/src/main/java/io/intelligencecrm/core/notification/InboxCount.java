package io.intelligencecrm.core.notification;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;

/** How many unread notifications and open tasks wait for the signed-in person: the badge on "Inbox". */
public final class InboxCount {
    private final TenantTransactions transactions;

    public InboxCount(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public int waiting(Actor actor) {
        if (actor.userId() == null) return 0;
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select (select count(*) from notifications where user_id = :user and read_at is null)
                             + (select count(*) from tasks where assignee_id = :user and done_at is null)""")
                .bind("user", actor.userId()).mapTo(Integer.class).one());
    }
}
