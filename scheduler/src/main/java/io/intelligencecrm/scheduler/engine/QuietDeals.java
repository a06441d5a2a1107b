package io.intelligencecrm.scheduler.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * An owner's open deals with no change and no interaction since a cutoff: what the deal-idle
 * trigger starts runs for and what the quiet-deals report lists. Largest first.
 */
public final class QuietDeals {
    private QuietDeals() {
    }

    public record QuietDeal(UUID id, String name, String stage, BigDecimal amount, String currency,
                            Instant lastActivity) {
    }

    public static List<QuietDeal> find(Handle handle, UUID ownerId, Instant cutoff, int limit) {
        return handle.createQuery("""
                        select d.id, d.name, d.stage, d.amount, d.currency,
                               greatest(d.updated_at, coalesce(max(i.occurred_at), d.updated_at)) as last_activity
                          from deals d
                          left join interactions i on i.tenant_id = d.tenant_id and i.deal_id = d.id
                                                  and i.deleted_at is null
                         where d.deleted_at is null and d.stage not in ('won', 'lost') and d.owner_id = :owner
                         group by d.tenant_id, d.id
                        having greatest(d.updated_at, coalesce(max(i.occurred_at), d.updated_at)) < :cutoff
                         order by d.amount desc, d.id limit :limit""")
                .bind("owner", ownerId).bind("cutoff", cutoff).bind("limit", limit)
                .map((rs, ctx) -> new QuietDeal(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("stage"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getTimestamp("last_activity").toInstant())).list();
    }
}
