package io.intelligencecrm.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.scoring.model.Factor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads stored scores: one contact's card and history, the best open leads, and the ones that fell. */
public final class ScoreQueries {
    public static final int MAX_ROWS = 100;
    private static final int HISTORY = 30;

    private final TenantTransactions transactions;
    private final Clock clock;

    public ScoreQueries(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public ScoreCard card(Actor actor, UUID contactId) {
        return transactions.inTenant(actor.tenant(), handle -> {
            String name = handle.createQuery("""
                            select coalesce(nullif(trim(first_name || ' ' || last_name), ''), email)
                              from contacts where id = :id and deleted_at is null""")
                    .bind("id", contactId).mapTo(String.class).findOne()
                    .orElseThrow(() -> CrmException.notFound("Contact"));
            List<ScoreCard.Point> history = handle.createQuery("""
                            select score, model_version, calculated_at from lead_scores
                             where contact_id = :id order by calculated_at desc limit :limit""")
                    .bind("id", contactId).bind("limit", HISTORY)
                    .map((rs, ctx) -> new ScoreCard.Point(rs.getDouble("score"), rs.getString("model_version"),
                            rs.getTimestamp("calculated_at").toInstant()))
                    .list();
            ScoredLead latest = handle.createQuery("""
                            select score, metadata::text as metadata, calculated_at from lead_scores
                             where contact_id = :id order by calculated_at desc limit 1""")
                    .bind("id", contactId)
                    .map((rs, ctx) -> new ScoredLead(contactId, name, rs.getDouble("score"),
                            explanation(rs.getString("metadata")), rs.getTimestamp("calculated_at").toInstant()))
                    .findOne().orElse(null);
            return new ScoreCard(contactId, name, latest, history);
        });
    }

    /**
     * Open leads by score, best first, leaving out anyone already talked to in the last day.
     *
     * @param onlyMine the actor's own leads only
     */
    public List<RankedLead> toCall(Actor actor, boolean onlyMine, int limit) {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select c.id, coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email) as name,
                               co.name as company, c.lifecycle_stage, c.score, touch.last_touch, s.metadata::text as metadata
                          from contacts c
                          left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
                          left join lateral (select max(occurred_at) as last_touch from interactions i
                                              where i.contact_id = c.id and i.deleted_at is null) touch on true
                          join lateral (select metadata from lead_scores ls where ls.contact_id = c.id
                                         order by calculated_at desc limit 1) s on true
                         where c.deleted_at is null and c.lifecycle_stage in ('lead', 'qualified') and c.score is not null
                           and (not :onlyMine or c.owner_id = :owner)
                           and (touch.last_touch is null or touch.last_touch < :since)
                         order by c.score desc, c.id
                         limit :limit""")
                .bind("onlyMine", onlyMine).bind("owner", actor.userId()).bind("since", since)
                .bind("limit", Math.min(Math.max(limit, 1), MAX_ROWS))
                .map((rs, ctx) -> {
                    Timestamp touch = rs.getTimestamp("last_touch");
                    return new RankedLead(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("company"),
                            rs.getString("lifecycle_stage"), rs.getDouble("score"),
                            touch == null ? null : touch.toInstant(),
                            reason(explanation(rs.getString("metadata")), f -> f.contribution() > 0));
                })
                .list());
    }

    /** Leads whose score now is lower than it was {@code period} ago, largest fall first. */
    public List<ScoreDrop> drops(Actor actor, Duration period, boolean onlyMine, int limit) {
        Instant since = clock.instant().minus(period);
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select c.id, coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email) as name,
                               before.score as before, c.score as now, s.metadata::text as metadata
                          from contacts c
                          join lateral (select score from lead_scores ls where ls.contact_id = c.id
                                          and ls.calculated_at <= :since
                                         order by calculated_at desc limit 1) before on true
                          join lateral (select metadata from lead_scores ls where ls.contact_id = c.id
                                         order by calculated_at desc limit 1) s on true
                         where c.deleted_at is null and c.score_calculated_at > :since and c.score < before.score
                           and (not :onlyMine or c.owner_id = :owner)
                         order by c.score - before.score, c.id
                         limit :limit""")
                .bind("since", since).bind("onlyMine", onlyMine).bind("owner", actor.userId())
                .bind("limit", Math.min(Math.max(limit, 1), MAX_ROWS))
                .map((rs, ctx) -> new ScoreDrop(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getDouble("before"), rs.getDouble("now"),
                        reason(explanation(rs.getString("metadata")), f -> f.contribution() < 0)))
                .list());
    }

    private static String reason(ScoreExplanation explanation, Predicate<Factor> wanted) {
        if (explanation == null || explanation.factors() == null) return null;
        return explanation.factors().stream().filter(wanted).findFirst().map(Factor::label).orElse(null);
    }

    static ScoreExplanation explanation(String json) {
        if (json == null) return null;
        try {
            return Json.mapper().readValue(json, ScoreExplanation.class);
        } catch (JsonProcessingException e) {
            // Scores written before explanations existed (or by hand) still list; they just explain nothing.
            return null;
        }
    }
}
