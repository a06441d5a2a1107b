package io.intelligencecrm.core.analytics;

import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The questions sales reps ask of their data, each answered by one read-only query in the
 * actor's tenant. Everyone who can read records can read these. Periods are calendar days in
 * the given zone (the clock's zone when none is given).
 */
public final class AnalyticsService {
    private static final int MAX_IDLE_DAYS = 3650;
    private static final String OWNER_NAME = "coalesce(nullif(u.full_name, ''), u.email)";

    private final TenantTransactions transactions;
    private final Clock clock;

    public AnalyticsService(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public AnalyticsTable newLeads(Actor actor, Period period) {
        return newLeads(actor, period, clock.getZone());
    }

    /** Contacts created in the period per day, or per week (starting Monday) for periods over 31 days. */
    public AnalyticsTable newLeads(Actor actor, Period period, ZoneId zone) {
        boolean weekly = period.days() > 31;
        Map<LocalDate, Long> counts = transactions.inTenant(actor.tenant(), handle -> {
            Map<LocalDate, Long> found = new LinkedHashMap<>();
            handle.createQuery("""
                            select cast(date_trunc(:unit, c.created_at at time zone :zone) as date) as bucket,
                                   count(*) as leads
                              from contacts c
                             where c.deleted_at is null and c.created_at >= :from and c.created_at < :to
                             group by 1""")
                    .bind("unit", weekly ? "week" : "day").bind("zone", zone.getId())
                    .bind("from", period.start(zone)).bind("to", period.end(zone))
                    .map((rs, context) -> Map.entry(rs.getObject("bucket", LocalDate.class), rs.getLong("leads")))
                    .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
            return found;
        });
        List<List<Object>> rows = new ArrayList<>();
        LocalDate bucket = weekly ? period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : period.from();
        while (bucket.isBefore(period.toExclusive())) {
            rows.add(List.of(bucket.toString(), counts.getOrDefault(bucket, 0L)));
            bucket = weekly ? bucket.plusWeeks(1) : bucket.plusDays(1);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new AnalyticsTable("New leads, " + period.label() + ": " + total + " in total",
                List.of(weekly ? "Week of" : "Day", "New leads"), rows, rows.size() > 7 ? "line" : "bar");
    }

    /** Open deals per stage: count and value, one row per currency (amounts are never summed across). */
    public AnalyticsTable pipelineByStage(Actor actor, UUID ownerIdOrNull) {
        List<List<Object>> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select stage, trim(currency) as currency, count(*) as deals, sum(amount) as total
                          from deals
                         where deleted_at is null and closed_at is null
                           and (cast(:ownerId as uuid) is null or owner_id = :ownerId)
                         group by stage, currency""")
                .bind("ownerId", ownerIdOrNull)
                .map((rs, context) -> List.<Object>of(rs.getString("stage"), rs.getString("currency"),
                        rs.getLong("deals"), rs.getBigDecimal("total")))
                .list());
        List<List<Object>> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.<List<Object>>comparingInt(row -> StoredEnum.parse(DealStage.class, (String) row.get(0)).ordinal())
                .thenComparing(row -> (String) row.get(1)));
        return new AnalyticsTable(ownerIdOrNull == null ? "Open pipeline by stage" : "Open pipeline by stage (one owner)",
                List.of("Stage", "Currency", "Deals", "Total amount"), ordered, "bar");
    }

    /** Open deals expected to close in the period, soonest first. */
    public AnalyticsTable dealsClosing(Actor actor, Period period) {
        List<List<Object>> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select d.name, co.name as company, %s as owner, d.stage, d.amount, trim(d.currency) as currency,
                               d.expected_close_date
                          from deals d
                          left join companies co on co.tenant_id = d.tenant_id and co.id = d.company_id
                          left join users u on u.tenant_id = d.tenant_id and u.id = d.owner_id
                         where d.deleted_at is null and d.closed_at is null
                           and d.expected_close_date >= :from and d.expected_close_date < :to
                         order by d.expected_close_date, d.amount desc, d.name""".formatted(OWNER_NAME))
                .bind("from", period.from()).bind("to", period.toExclusive())
                .map((rs, context) -> cells(rs.getString("name"), rs.getString("company"), rs.getString("owner"),
                        rs.getString("stage"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getObject("expected_close_date", LocalDate.class).toString()))
                .list());
        return new AnalyticsTable("Open deals closing " + period.label(),
                List.of("Deal", "Company", "Owner", "Stage", "Amount", "Currency", "Expected close"), rows, "table");
    }

    public AnalyticsTable activityByRep(Actor actor, Period period) {
        return activityByRep(actor, period, clock.getZone());
    }

    /** Interactions in the period per author and type, busiest first. */
    public AnalyticsTable activityByRep(Actor actor, Period period, ZoneId zone) {
        List<List<Object>> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select coalesce(%s, '(no author)') as rep,
                               count(*) filter (where i.type = 'call') as calls,
                               count(*) filter (where i.type = 'email') as emails,
                               count(*) filter (where i.type = 'meeting') as meetings,
                               count(*) filter (where i.type = 'note') as notes,
                               count(*) filter (where i.type = 'chat') as chats,
                               count(*) filter (where i.type = 'sms') as sms,
                               count(*) as total
                          from interactions i
                          left join users u on u.tenant_id = i.tenant_id and u.id = i.author_id
                         where i.deleted_at is null and i.occurred_at >= :from and i.occurred_at < :to
                         group by i.author_id, 1
                         order by total desc, rep""".formatted(OWNER_NAME))
                .bind("from", period.start(zone)).bind("to", period.end(zone))
                .map((rs, context) -> List.<Object>of(rs.getString("rep"), rs.getLong("calls"), rs.getLong("emails"),
                        rs.getLong("meetings"), rs.getLong("notes"), rs.getLong("chats"), rs.getLong("sms"),
                        rs.getLong("total")))
                .list());
        return new AnalyticsTable("Activity by rep, " + period.label(),
                List.of("Rep", "Calls", "Emails", "Meetings", "Notes", "Chats", "SMS", "Total"), rows, "bar");
    }

    public AnalyticsTable conversionBySource(Actor actor, Period period) {
        return conversionBySource(actor, period, clock.getZone());
    }

    /** Of the contacts created in the period, per source: how many are customers now. */
    public AnalyticsTable conversionBySource(Actor actor, Period period, ZoneId zone) {
        List<List<Object>> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select coalesce(nullif(trim(source), ''), '(none)') as source, count(*) as created,
                               count(*) filter (where lifecycle_stage = 'customer') as customers
                          from contacts
                         where deleted_at is null and created_at >= :from and created_at < :to
                         group by 1
                         order by created desc, source""")
                .bind("from", period.start(zone)).bind("to", period.end(zone))
                .map((rs, context) -> List.<Object>of(rs.getString("source"), rs.getLong("created"),
                        rs.getLong("customers"), percent(rs.getLong("customers"), rs.getLong("created"))))
                .list());
        return new AnalyticsTable("Conversion to customer by source, contacts created " + period.label(),
                List.of("Source", "New contacts", "Became customers", "Conversion %"), rows, "bar");
    }

    /**
     * Open deals with no interaction logged on the deal or on its contact in the last {@code days}
     * days; a deal that never had one counts as idle since it was created. Longest idle first.
     */
    public AnalyticsTable staleDeals(Actor actor, int days) {
        if (days < 1 || days > MAX_IDLE_DAYS) throw CrmException.invalid("days", "must be between 1 and " + MAX_IDLE_DAYS);
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        List<List<Object>> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select d.name, co.name as company, %s as owner, d.stage, d.amount, trim(d.currency) as currency,
                               activity.last_at, coalesce(activity.last_at, d.created_at) as idle_since
                          from deals d
                          left join companies co on co.tenant_id = d.tenant_id and co.id = d.company_id
                          left join users u on u.tenant_id = d.tenant_id and u.id = d.owner_id
                          left join lateral (
                              select max(i.occurred_at) as last_at
                                from interactions i
                               where i.tenant_id = d.tenant_id and i.deleted_at is null
                                 and (i.deal_id = d.id or i.contact_id = d.contact_id)
                          ) activity on true
                         where d.deleted_at is null and d.closed_at is null
                           and coalesce(activity.last_at, d.created_at) < :cutoff
                         order by idle_since, d.name""".formatted(OWNER_NAME))
                .bind("cutoff", now.minus(Duration.ofDays(days)))
                .map((rs, context) -> staleRow(rs, now, zone))
                .list());
        return new AnalyticsTable("Open deals without activity in the last " + days + " days",
                List.of("Deal", "Company", "Owner", "Stage", "Amount", "Currency", "Last activity", "Days idle"),
                rows, "table");
    }

    /**
     * Deals won in the period (by the day they were closed in the zone), count and total per currency:
     * amounts in different currencies are never added up.
     */
    public AnalyticsTable closedRevenue(Actor actor, Period period, ZoneId zone, UUID ownerIdOrNull) {
        List<List<Object>> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select trim(currency) as currency, count(*) as deals, sum(amount) as total
                          from deals
                         where deleted_at is null and stage = 'won' and closed_at >= :from and closed_at < :to
                           and (cast(:ownerId as uuid) is null or owner_id = :ownerId)
                         group by currency
                         order by total desc, currency""")
                .bind("from", period.start(zone)).bind("to", period.end(zone)).bind("ownerId", ownerIdOrNull)
                .map((rs, context) -> List.<Object>of(rs.getString("currency"), rs.getLong("deals"),
                        rs.getBigDecimal("total")))
                .list());
        return new AnalyticsTable("Revenue closed " + period.label() + " (" + period.from() + " to "
                + period.toExclusive().minusDays(1) + ")" + (ownerIdOrNull == null ? "" : ", one owner's deals"),
                List.of("Currency", "Deals won", "Total"), rows, "bar");
    }

    /**
     * Live contacts with no interaction in the last {@code days} days (a contact never contacted
     * counts from the day it was created), longest idle first; one owner's when given.
     */
    public AnalyticsTable staleContacts(Actor actor, int days, UUID ownerIdOrNull) {
        if (days < 1 || days > MAX_IDLE_DAYS) throw CrmException.invalid("days", "must be between 1 and " + MAX_IDLE_DAYS);
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        List<List<Object>> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select c.id, coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email) as name,
                               co.name as company, %s as owner, c.lifecycle_stage as stage,
                               activity.last_at, coalesce(activity.last_at, c.created_at) as idle_since
                          from contacts c
                          left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
                          left join users u on u.tenant_id = c.tenant_id and u.id = c.owner_id
                          left join lateral (
                              select max(i.occurred_at) as last_at
                                from interactions i
                               where i.tenant_id = c.tenant_id and i.contact_id = c.id and i.deleted_at is null
                          ) activity on true
                         where c.deleted_at is null and c.lifecycle_stage <> 'lost'
                           and (cast(:ownerId as uuid) is null or c.owner_id = :ownerId)
                           and coalesce(activity.last_at, c.created_at) < :cutoff
                         order by idle_since, name""".formatted(OWNER_NAME))
                .bind("cutoff", now.minus(Duration.ofDays(days))).bind("ownerId", ownerIdOrNull)
                .map((rs, context) -> {
                    java.sql.Timestamp last = rs.getTimestamp("last_at");
                    return cells(rs.getString("id"), rs.getString("name"), rs.getString("company"),
                            rs.getString("owner"), rs.getString("stage"),
                            last == null ? "never" : LocalDate.ofInstant(last.toInstant(), zone).toString(),
                            Duration.between(rs.getTimestamp("idle_since").toInstant(), now).toDays());
                })
                .list());
        return new AnalyticsTable("Contacts not contacted in the last " + days + " days"
                + (ownerIdOrNull == null ? "" : " (one owner's)"),
                List.of("id", "Contact", "Company", "Owner", "Stage", "Last contacted", "Days since"), rows, "table");
    }

    private static List<Object> staleRow(ResultSet rs, Instant now, ZoneId zone) throws SQLException {
        java.sql.Timestamp last = rs.getTimestamp("last_at");
        Instant idleSince = rs.getTimestamp("idle_since").toInstant();
        return cells(rs.getString("name"), rs.getString("company"), rs.getString("owner"), rs.getString("stage"),
                rs.getBigDecimal("amount"), rs.getString("currency"),
                last == null ? "never" : LocalDate.ofInstant(last.toInstant(), zone).toString(),
                Duration.between(idleSince, now).toDays());
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) return BigDecimal.ZERO;
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A row whose cells may be null (List.of refuses nulls). */
    private static List<Object> cells(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
