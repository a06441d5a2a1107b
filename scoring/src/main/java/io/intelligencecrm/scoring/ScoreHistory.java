package io.intelligencecrm.scoring;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contact's recent lead scores, newest first, for the trend beside the latest score. */
public final class ScoreHistory {
    private static final int POINTS = 12;

    private final TenantTransactions transactions;

    public record Point(BigDecimal score, Instant calculatedAt) {
    }

    public ScoreHistory(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public List<Point> recent(Actor actor, UUID contactId) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select score, calculated_at from lead_scores
                         where contact_id = :id order by calculated_at desc limit :points""")
                .bind("id", contactId).bind("points", POINTS)
                .map((rs, context) -> new Point(rs.getBigDecimal("score"), rs.getTimestamp("calculated_at").toInstant()))
                .list());
    }
}
