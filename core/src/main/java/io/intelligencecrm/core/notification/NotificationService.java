package io.intelligencecrm.core.notification;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.UUID;

/** In-app notices: workflows tell their owner something; the user reads and dismisses them. */
public final class NotificationService {
    private static final String COLUMNS = "id, title, body, link, source, read_at, created_at";

    private final TenantTransactions transactions;

    public NotificationService(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** A notice for the actor itself (a workflow acting as its owner notifies that owner). */
    public Notification notify(Actor actor, String title, String body, String link, String source) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        insert into notifications (tenant_id, user_id, title, body, link, source)
                        values (crm_current_tenant(), :user, :title, coalesce(:body, ''), :link, :source)
                        returning\s""" + COLUMNS)
                .bind("user", actor.userId()).bind("title", title.length() > 300 ? title.substring(0, 300) : title)
                .bind("body", body).bind("link", link).bind("source", source)
                .mapTo(Notification.class).one());
    }

    public List<Notification> recent(Actor actor, boolean unreadOnly, int limit) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("select " + COLUMNS + """
                         from notifications where user_id = :user and (not :unread or read_at is null)
                        order by created_at desc limit :limit""")
                .bind("user", actor.userId()).bind("unread", unreadOnly)
                .bind("limit", Math.max(1, Math.min(limit, 200))).mapTo(Notification.class).list());
    }

    /** Marks the actor's own notices read; ids of other users' notices change nothing. */
    public int markRead(Actor actor, List<UUID> ids) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createUpdate("""
                        update notifications set read_at = now()
                         where user_id = :user and id = any(:ids) and read_at is null""")
                .bind("user", actor.userId()).bind("ids", ids.toArray(UUID[]::new)).execute());
    }
}
