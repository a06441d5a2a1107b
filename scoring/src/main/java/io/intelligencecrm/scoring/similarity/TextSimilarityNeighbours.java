package io.intelligencecrm.scoring.similarity;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.scoring.LeadFactsReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Similar closed leads by TF-IDF cosine over the words of each lead's profile (title, company,
 * source, country, custom attributes) and its latest interactions. It needs no embedding model and
 * reads only the tenant's own rows; words are a weaker notion of "alike" than sentence embeddings
 * (no synonyms), which the pgvector-backed implementation in the knowledge module improves on.
 *
 * <p>The index of a tenant's closed leads is kept for a few minutes, so scoring one contact after
 * another does not re-read every closed lead. Thread-safe.
 */
public final class TextSimilarityNeighbours implements ClosedLeadNeighbours {
    private static final int RECENT_INTERACTIONS = 20;
    private static final Duration INDEX_LIFETIME = Duration.ofMinutes(10);
    /** Interactions at the same moment are taken in the order of their text, so the same ones make the cut every time. */
    private static final String TEXTS = LeadFactsReader.TIMED_LEADS + """
            select t.id,
                   concat_ws(' ', t.title, t.company, t.source, t.country,
                             (select string_agg(key || ' ' || value, ' ') from jsonb_each_text(t.custom)),
                             recent.text) as text,
            """ + LeadFactsReader.CONTENT_ORDER + """
             as content_order
              from timed_leads t
              left join lateral (
                    select string_agg(coalesce(i.subject, '') || ' ' || left(i.content, 2000), ' ') as text
                      from (select subject, content from interactions
                             where contact_id = t.id and deleted_at is null and occurred_at < t.as_of
                             order by occurred_at desc, subject, content limit :recent) i) recent on true
            """;

    private final TenantTransactions transactions;
    private final Clock clock;
    private final Map<TenantId, Cached> indexes = new ConcurrentHashMap<>();

    private record Cached(Set<UUID> candidates, TextIndex index, Instant builtAt) {
    }

    public TextSimilarityNeighbours(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Map<UUID, List<Neighbour>> nearest(TenantId tenant, Collection<UUID> queries, Set<UUID> candidates, int k) {
        if (queries.isEmpty() || candidates.isEmpty()) return Map.of();
        Instant now = clock.instant();
        Cached cached = indexes.get(tenant);
        boolean reuse = cached != null && cached.candidates().equals(candidates)
                && cached.builtAt().plus(INDEX_LIFETIME).isAfter(now);
        Set<UUID> wanted = new HashSet<>(queries);
        if (!reuse) wanted.addAll(candidates);
        Map<UUID, TextIndex.Document> texts = texts(tenant, wanted, now);
        TextIndex index;
        if (reuse) {
            index = cached.index();
        } else {
            List<TextIndex.Document> documents = new ArrayList<>();
            for (UUID candidate : candidates) {
                TextIndex.Document document = texts.get(candidate);
                if (document != null) documents.add(document);
            }
            index = TextIndex.build(documents);
            indexes.put(tenant, new Cached(Set.copyOf(candidates), index, now));
        }
        Map<UUID, List<Neighbour>> result = new ConcurrentHashMap<>();
        ThreadLocal<TextIndex.Scratch> scratch = ThreadLocal.withInitial(TextIndex.Scratch::new);
        queries.parallelStream().distinct().forEach(query -> {
            TextIndex.Document document = texts.get(query);
            result.put(query, document == null ? List.of() : index.nearest(document.text(), query, k, scratch.get()));
        });
        return result;
    }

    /** Texts of the given live contacts of this tenant; row-level security hides every other tenant's. */
    private Map<UUID, TextIndex.Document> texts(TenantId tenant, Set<UUID> ids, Instant now) {
        Map<UUID, TextIndex.Document> texts = new HashMap<>();
        transactions.useTenant(tenant, handle -> handle.createQuery(TEXTS)
                .bind("now", now).bind("all", false).bind("ids", ids.toArray(UUID[]::new))
                .bind("recent", RECENT_INTERACTIONS)
                .setFetchSize(2_000)
                .map((rs, ctx) -> new TextIndex.Document(rs.getObject("id", UUID.class), rs.getString("text"),
                        rs.getString("content_order")))
                .forEach(document -> texts.put(document.id(), document)));
        return texts;
    }
}
