package io.intelligencecrm.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.scoring.model.Engagement;
import io.intelligencecrm.scoring.model.LeadFacts;
import io.intelligencecrm.scoring.model.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Reads what the model may know about leads, in the caller's tenant transaction. A closed lead is
 * read as of the moment before it closed (from its stage history and its deals), an open one as of
 * now, so both are measured the same way: interactions and deals from the close on never reach the
 * model or the similarity search.
 */
public final class LeadFactsReader {
    /**
     * Live contacts with their outcome and as-of time; binds {@code :now}, {@code :all} and
     * {@code :ids}. Shared with the similarity search so both see a lead at the same moment. A won
     * lead closed when it first won (it became a customer, or its first deal was won), a lost one when
     * it was marked lost or its last deal was lost; an open lead is read as of now.
     */
    public static final String TIMED_LEADS = """
            with deal_stats as (
                select contact_id,
                       count(*) filter (where stage = 'won') as won,
                       count(*) filter (where stage = 'lost') as lost,
                       count(*) filter (where stage not in ('won', 'lost')) as open,
                       min(closed_at) filter (where stage = 'won') as first_won,
                       max(closed_at) filter (where stage = 'lost') as last_lost
                  from deals
                 where deleted_at is null and contact_id is not null and (:all or contact_id = any(:ids))
                 group by contact_id
            ), leads as (
                select c.id, c.first_name, c.last_name, c.owner_id, c.lifecycle_stage, c.source, c.title, co.name as company, c.email,
                       c.country, c.custom, c.created_at, c.updated_at, d.first_won, d.last_lost,
                       (select max(h.entered_at) from contact_stage_history h
                         where h.contact_id = c.id and h.stage = c.lifecycle_stage) as stage_since,
                       case when c.lifecycle_stage = 'customer' or coalesce(d.won, 0) > 0 then 'won'
                            when c.lifecycle_stage = 'lost' or (coalesce(d.lost, 0) > 0 and coalesce(d.open, 0) = 0)
                                then 'lost'
                            else 'open' end as outcome
                  from contacts c
                  left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
                  left join deal_stats d on d.contact_id = c.id
                 where c.deleted_at is null and (:all or c.id = any(:ids))
            ), timed_leads as (
                select l.*,
                       case when l.outcome = 'open' then cast(:now as timestamptz)
                            else least(cast(:now as timestamptz), coalesce(
                                 case when l.outcome = 'won'
                                      then least(case when l.lifecycle_stage = 'customer' then l.stage_since end, l.first_won)
                                      else least(case when l.lifecycle_stage = 'lost' then l.stage_since end, l.last_lost) end,
                                 l.updated_at)) end as as_of
                  from leads l
            )
            """;

    /**
     * Where a lead of {@code timed_leads t} stands among leads otherwise alike (equally similar to
     * another): a hash of what it is, never its random id, so ties fall the same way on the same data
     * in any tenant; a hash rather than, say, the email, so the order favours no kind of lead.
     */
    public static final String CONTENT_ORDER = """
            md5(concat_ws('|', t.email, t.first_name, t.last_name, t.company, t.title, t.source, t.country,
                          cast(t.custom as text), t.lifecycle_stage, t.outcome))""";

    private static final String FACTS = TIMED_LEADS + """
            select t.*, e.*, od.open_deals
              from timed_leads t
              left join lateral (
                    select count(*) filter (where i.occurred_at > t.as_of - interval '7 days') as touches_7d,
                           count(*) filter (where i.occurred_at > t.as_of - interval '30 days') as touches_30d,
                           count(*) filter (where i.occurred_at > t.as_of - interval '90 days') as touches_90d,
                           count(*) filter (where i.direction = 'inbound' and i.occurred_at > t.as_of - interval '30 days')
                               as inbound_30d,
                           count(*) filter (where i.direction = 'inbound' and i.occurred_at > t.as_of - interval '90 days')
                               as inbound_90d,
                           count(*) filter (where i.direction = 'outbound' and i.occurred_at > t.as_of - interval '30 days')
                               as outbound_30d,
                           count(*) filter (where i.type = 'call' and i.occurred_at > t.as_of - interval '90 days') as calls_90d,
                           count(*) filter (where i.type = 'email' and i.occurred_at > t.as_of - interval '90 days') as emails_90d,
                           count(*) filter (where i.type = 'note' and i.occurred_at > t.as_of - interval '90 days') as notes_90d,
                           count(*) filter (where i.type in ('chat', 'sms') and i.occurred_at > t.as_of - interval '90 days')
                               as chats_90d,
                           count(*) filter (where i.type = 'meeting') as meetings_held,
                           max(i.occurred_at) as last_touch
                      from interactions i
                     where i.contact_id = t.id and i.deleted_at is null and i.occurred_at < t.as_of) e on true
              left join lateral (
                    select count(*) as open_deals
                      from deals d
                     where d.contact_id = t.id and d.deleted_at is null and d.created_at < t.as_of
                       and (d.closed_at is null or d.closed_at >= t.as_of)) od on true
             where :which = 'all' or (:which = 'closed' and t.outcome <> 'open')
                or (:which = 'scorable' and t.lifecycle_stage in ('lead', 'qualified'))
            """;

    private LeadFactsReader() {
    }

    /** Which leads to read: closed ones teach the model, scorable ones (stage lead or qualified) get scores. */
    public enum Which { ALL, SCORABLE, CLOSED }

    /** Every live contact of the tenant of the given kind. */
    public static List<LeadFacts> all(Handle handle, Instant now, Which which) {
        return read(handle, now, null, which);
    }

    public static List<LeadFacts> of(Handle handle, Instant now, Collection<UUID> ids) {
        return read(handle, now, ids, Which.ALL);
    }

    /** The outcome of every closed lead, without the rest of the facts: what neighbour evidence needs. */
    public static Map<UUID, Outcome> closedOutcomes(Handle handle, Instant now) {
        Map<UUID, Outcome> outcomes = new HashMap<>();
        handle.createQuery(TIMED_LEADS + "select id, outcome from leads where outcome <> 'open'")
                .bind("now", now).bind("all", true).bind("ids", new UUID[0])
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), outcome(rs.getString("outcome"))))
                .forEach(entry -> outcomes.put(entry.getKey(), entry.getValue()));
        return outcomes;
    }

    /**
     * How many contacts were won, lost or reopened after {@code since}: entered customer or lost, left
     * one of them, or had a deal closed.
     */
    public static int outcomeChangesSince(Handle handle, Instant since) {
        return handle.createQuery("""
                        select count(distinct contact_id) from (
                            select h.contact_id from contact_stage_history h
                             where h.entered_at > :since
                               and (h.stage in ('customer', 'lost')
                                    or exists (select 1 from contact_stage_history earlier
                                                where earlier.contact_id = h.contact_id and earlier.entered_at < h.entered_at
                                                  and earlier.stage in ('customer', 'lost')))
                            union all
                            select d.contact_id from deals d
                             where d.closed_at > :since and d.contact_id is not null and d.deleted_at is null) changed""")
                .bind("since", since).mapTo(Integer.class).one();
    }

    public static int countScorable(Handle handle, Instant now) {
        return handle.createQuery(TIMED_LEADS + "select count(*) from leads where lifecycle_stage in ('lead', 'qualified')")
                .bind("now", now).bind("all", true).bind("ids", new UUID[0]).mapTo(Integer.class).one();
    }

    private static List<LeadFacts> read(Handle handle, Instant now, Collection<UUID> ids, Which which) {
        return handle.createQuery(FACTS)
                .bind("now", now)
                .bind("which", which.name().toLowerCase(Locale.ROOT))
                .bind("all", ids == null)
                .bind("ids", ids == null ? new UUID[0] : ids.toArray(UUID[]::new))
                .setFetchSize(2_000)
                .map((rs, ctx) -> facts(rs))
                .list();
    }

    private static LeadFacts facts(ResultSet rs) throws SQLException {
        Instant asOf = rs.getTimestamp("as_of").toInstant();
        Map<String, Double> engagement = new LinkedHashMap<>();
        for (String measure : Engagement.NAMES) {
            if (measure.equals(Engagement.DAYS_SINCE_LAST_TOUCH) || measure.equals(Engagement.NEVER_TOUCHED)) continue;
            engagement.put(measure, (double) rs.getLong(measure));
        }
        Timestamp lastTouch = rs.getTimestamp("last_touch");
        engagement.put(Engagement.DAYS_SINCE_LAST_TOUCH, lastTouch == null ? Engagement.LONGEST_SILENCE_DAYS
                : Math.max(0, (asOf.toEpochMilli() - lastTouch.getTime()) / 86_400_000.0));
        engagement.put(Engagement.NEVER_TOUCHED, lastTouch == null ? 1.0 : 0.0);
        String name = (rs.getString("first_name") + " " + rs.getString("last_name")).strip();
        return new LeadFacts(rs.getObject("id", UUID.class), name.isEmpty() ? rs.getString("email") : name,
                rs.getObject("owner_id", UUID.class), rs.getString("lifecycle_stage"), rs.getString("source"), rs.getString("title"),
                rs.getString("company"), rs.getString("email"), rs.getString("country"), custom(rs.getString("custom")),
                asOf, outcome(rs.getString("outcome")), engagement);
    }

    private static Outcome outcome(String stored) {
        return Outcome.valueOf(stored.toUpperCase(Locale.ROOT));
    }

    private static Map<String, Object> custom(String json) {
        if (json == null) return Map.of();
        try {
            return Json.mapper().readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
