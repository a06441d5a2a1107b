package io.intelligencecrm.core.match;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the tenant's contacts, companies, deals and team members that a free-text message names,
 * tolerating typos and partial names: pg_trgm's word similarity ({@code span <% name}: the span is
 * close to a run of words of the name) finds candidates, {@link NameSimilarity} scores how completely
 * the span names each. Addresses and domains match exactly.
 *
 * <p>Speed: each span is one trigram index scan per table, capped at {@link #CANDIDATES} rows, in one
 * statement. Under row-level security an index serves only leakproof operators on plain columns:
 * the matched texts are stored columns (V26), and the bootstrap marks pg_trgm's operators leakproof
 * (without that, each scan reads the tenant's rows; see docs/operating/deploy.md).
 */
public final class RecordMatcher {
    /** Records of one kind read per span before ranking; a span matching this many is common. */
    public static final int CANDIDATES = 50;
    private static final int PER_SPAN = 5;
    private static final int MAX_MATCHES = 25;
    private static final double MIN_SCORE = 0.4;
    private static final String SQL = """
            with spans as (
                select lower(span) as span, kind, i from unnest(cast(:spans as text[]), cast(:kinds as text[]))
                    with ordinality s(span, kind, i)),
            words as (select span, i from spans where kind = 'WORDS'),
            addresses as (select span, i from spans where kind = 'EMAIL'),
            domains as (select span, i from spans where kind = 'DOMAIN')
            select 'contact' as kind, s.i, m.id, m.name, m.detail, 'name' as field, m.pinned, m.hits
              from words s cross join lateral (select * from (
                   select c.id, c.name_text as name, coalesce(co.name, c.email) as detail,
                          word_similarity(s.span, c.name_text) as ws, similarity(s.span, c.name_text) as sim,
                          c.id = any(:pinned) as pinned, count(*) over () as hits
                     from (select id, tenant_id, name_text, email, company_id from contacts
                            where s.span <% name_text and deleted_at is null limit :candidates) c
                     left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id) scored
                    order by pinned desc, ws + sim desc limit :perSpan) m
            union all
            select 'contact', s.i, c.id, c.name_text, coalesce(co.name, c.email), 'name', true, 1
              from words s
              join contacts c on c.id = any(:pinned) and c.deleted_at is null and s.span <% c.name_text
              left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
            union all
            select 'company', s.i, m.id, m.name, m.domain, 'name', m.pinned, m.hits
              from words s cross join lateral (select * from (
                   select co.id, co.name, co.domain, word_similarity(s.span, co.name) as ws,
                          similarity(s.span, co.name) as sim, co.id = any(:pinned) as pinned, count(*) over () as hits
                     from (select id, name, domain from companies
                            where s.span <% name and deleted_at is null limit :candidates) co) scored
                    order by pinned desc, ws + sim desc limit :perSpan) m
            union all
            select 'deal', s.i, m.id, m.name, m.detail, 'name', m.pinned, m.hits
              from words s cross join lateral (select * from (
                   select d.id, d.name, concat_ws(', ', co.name, d.stage) as detail, word_similarity(s.span, d.name) as ws,
                          similarity(s.span, d.name) as sim, d.id = any(:pinned) as pinned, count(*) over () as hits
                     from (select id, tenant_id, name, stage, company_id from deals
                            where s.span <% name and deleted_at is null limit :candidates) d
                     left join companies co on co.tenant_id = d.tenant_id and co.id = d.company_id) scored
                    order by pinned desc, ws + sim desc limit :perSpan) m
            union all
            select 'user', s.i, u.id, u.full_name, u.email, 'name', false, 1
              from words s join users u on u.active and s.span <% u.full_name
            union all
            select 'contact', s.i, c.id, c.name_text, coalesce(co.name, c.email), 'email', c.id = any(:pinned), 1
              from addresses s
              join contacts c on c.email = s.span and c.deleted_at is null
              left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
            union all
            select 'user', s.i, u.id, u.full_name, u.email, 'email', false, 1
              from addresses s join users u on lower(u.email) = s.span
            union all
            select 'company', s.i, co.id, co.name, co.domain, 'domain', co.id = any(:pinned), 1
              from domains s join companies co on co.domain = s.span and co.deleted_at is null
            union all
            select 'contact', s.i, c.id, c.name_text, coalesce(co.name, c.email), 'domain', true, 1
              from domains s
              join contacts c on c.id = any(:pinned) and c.deleted_at is null and c.email like '%@' || s.span
              left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id""";

    private final TenantTransactions transactions;

    public RecordMatcher(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    private record Row(String kind, int i, UUID id, String name, String detail, String field, boolean pinned,
                       int hits) {
    }

    /**
     * @param inConversation ids of records created or shown earlier in the conversation: they rank
     *                       first, and only among them does a domain find contacts by email address
     */
    public List<RecordMatch> match(Actor actor, String message, Collection<UUID> inConversation) {
        List<Span> spans = MessageSpans.of(message);
        if (spans.isEmpty()) return List.of();
        UUID[] pinned = inConversation == null ? new UUID[0] : inConversation.stream().distinct().toArray(UUID[]::new);
        List<Row> rows = transactions.inTenant(actor.tenant(), handle -> handle.createQuery(SQL)
                .bind("spans", spans.stream().map(Span::text).toArray(String[]::new))
                .bind("kinds", spans.stream().map(span -> span.kind().name()).toArray(String[]::new))
                .bind("pinned", pinned).bind("candidates", CANDIDATES).bind("perSpan", PER_SPAN)
                .map((rs, context) -> new Row(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8)))
                .list());
        Map<String, RecordMatch> best = new LinkedHashMap<>();
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (Row row : rows) hits.merge(row.kind() + row.i(), row.hits(), Math::max);
        for (Row row : rows) {
            Span span = spans.get(row.i() - 1);
            double score = row.field().equals("name") ? NameSimilarity.score(span.text(), row.name()) : 1.0;
            if (score < MIN_SCORE) continue;
            boolean exact = !row.field().equals("name") || squeezed(span.text()).equals(squeezed(row.name()));
            RecordMatch match = new RecordMatch(row.kind(), row.id(), row.name(), row.detail(), row.field(),
                    span.text(), span.start(), span.end(), round(score), exact, row.pinned(),
                    hits.get(row.kind() + row.i()));
            best.merge(row.kind() + ":" + row.id(), match, RecordMatcher::better);
        }
        List<RecordMatch> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparing(RecordMatch::inConversation).reversed()
                .thenComparing(Comparator.comparingDouble(RecordMatch::score).reversed())
                .thenComparing(Comparator.comparingInt((RecordMatch m) -> m.end() - m.start()).reversed()));
        List<RecordMatch> kept = new ArrayList<>();
        for (RecordMatch match : ranked) {
            if (kept.size() < MAX_MATCHES || match.inConversation()) kept.add(match);
        }
        return kept;
    }

    /** The better span for one record: higher score, then the longer span. */
    private static RecordMatch better(RecordMatch a, RecordMatch b) {
        if (a.score() != b.score()) return a.score() > b.score() ? a : b;
        return (b.end() - b.start()) > (a.end() - a.start()) ? b : a;
    }

    private static String squeezed(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@.]+", " ").strip();
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
