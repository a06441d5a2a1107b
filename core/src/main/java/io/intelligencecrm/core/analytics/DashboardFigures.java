package io.intelligencecrm.core.analytics;

import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's headline numbers and the score distribution, each one read-only query in the tenant. */
public final class DashboardFigures {
    private final TenantTransactions transactions;
    private final Clock clock;

    public DashboardFigures(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The dashboard's headline figures; new leads, won deals and activities over the chosen window. */
    public record Kpis(long contacts, long newLeads, long openDeals, Map<String, BigDecimal> openValue,
                       Map<String, BigDecimal> weightedValue, long won, long activities) {
    }

    public Kpis kpis(Actor actor, Duration window) {
        var since = clock.instant().minus(window);
        return transactions.inTenant(actor.tenant(), handle -> {
            var counts = handle.createQuery("""
                            select (select count(*) from contacts where deleted_at is null) as contacts,
                                   (select count(*) from contacts where deleted_at is null and created_at >= :since) as new_leads,
                                   (select count(*) from deals where deleted_at is null and closed_at is null) as open_deals,
                                   (select count(*) from deals where deleted_at is null and stage = 'won' and closed_at >= :since) as won,
                                   (select count(*) from interactions where deleted_at is null and occurred_at >= :since) as activities""")
                    .bind("since", since).mapToMap().one();
            Map<String, BigDecimal> value = new LinkedHashMap<>();
            Map<String, BigDecimal> weighted = new LinkedHashMap<>();
            handle.createQuery("""
                            select trim(currency) as currency, stage, sum(amount) as total from deals
                             where deleted_at is null and closed_at is null group by 1, 2 order by 1""")
                    .map((rs, context) -> List.<Object>of(rs.getString("currency"), rs.getString("stage"), rs.getBigDecimal("total")))
                    .forEach(row -> {
                        BigDecimal total = (BigDecimal) row.get(2);
                        DealStage stage = StoredEnum.parse(DealStage.class, (String) row.get(1));
                        value.merge((String) row.get(0), total, BigDecimal::add);
                        weighted.merge((String) row.get(0), stage.weighted(total), BigDecimal::add);
                    });
            return new Kpis(number(counts.get("contacts")), number(counts.get("new_leads")), number(counts.get("open_deals")),
                    value, weighted, number(counts.get("won")), number(counts.get("activities")));
        });
    }

    /** Live contacts per score band of 20 points, and how many have no score yet. */
    public List<List<Object>> scoreDistribution(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Map<String, Object> row = handle.createQuery("""
                            select count(*) filter (where score is null) as unscored,
                                   count(*) filter (where score < 20) as b0,
                                   count(*) filter (where score >= 20 and score < 40) as b1,
                                   count(*) filter (where score >= 40 and score < 60) as b2,
                                   count(*) filter (where score >= 60 and score < 80) as b3,
                                   count(*) filter (where score >= 80) as b4
                              from contacts where deleted_at is null""").mapToMap().one();
            List<List<Object>> rows = new ArrayList<>();
            String[] labels = {"0–19", "20–39", "40–59", "60–79", "80–100"};
            for (int band = 0; band < labels.length; band++) rows.add(List.of(labels[band], number(row.get("b" + band))));
            rows.add(List.of("Not scored", number(row.get("unscored"))));
            return rows;
        });
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
