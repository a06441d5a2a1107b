package io.intelligencecrm.scoring.similarity;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.scoring.LeadFactsReader;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Similar closed leads by the knowledge module's sentence embeddings (pgvector, 384 dimensions): a
 * lead is the average of the vectors of its interactions up to its as-of time, compared by cosine.
 *
 * <p>Profile vectors are deliberately left out: their text names the lifecycle stage ("customer",
 * "lost"), which would hand the outcome to the similarity search; the profile's fields reach the
 * model as field evidence instead. Leads without embedded interactions get no neighbours.
 *
 * <p>The comparison is exact, in memory: fine for thousands of closed leads, while the word-based
 * {@link TextSimilarityNeighbours} stays faster for the largest tenants (see docs/how-it-works/scoring.md). Thread-safe.
 */
public final class EmbeddingNeighbours implements ClosedLeadNeighbours {
    /** Averaged in the vectors' own order, so the same interactions give the same centroid to the last bit. */
    private static final String CENTROIDS = LeadFactsReader.TIMED_LEADS + """
            select t.id, avg(e.embedding order by e.embedding)::text as centroid,
            """ + LeadFactsReader.CONTENT_ORDER + """
             as content_order
              from timed_leads t
              join embeddings e on e.tenant_id = crm_current_tenant() and e.contact_id = t.id
                                and e.source_type = 'interaction' and e.model = :model
              join interactions i on i.id = e.source_id and i.deleted_at is null and i.occurred_at < t.as_of
             group by t.id, content_order
            """;

    private final TenantTransactions transactions;
    private final Clock clock;
    private final String model;

    /** @param model the embedding model whose vectors to compare (the knowledge module's configured one) */
    public EmbeddingNeighbours(TenantTransactions transactions, Clock clock, String model) {
        this.transactions = transactions;
        this.clock = clock;
        this.model = model;
    }

    @Override
    public Map<UUID, List<Neighbour>> nearest(TenantId tenant, Collection<UUID> queries, Set<UUID> candidates, int k) {
        if (queries.isEmpty() || candidates.isEmpty()) return Map.of();
        Set<UUID> wanted = new HashSet<>(queries);
        wanted.addAll(candidates);
        Map<UUID, Centroid> vectors = centroids(tenant, wanted);
        // In the order of their content, which breaks ties between equally similar leads (not their random ids).
        UUID[] ids = candidates.stream().map(vectors::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Centroid::order).thenComparing(Centroid::id))
                .map(Centroid::id).toArray(UUID[]::new);
        float[][] pool = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) pool[i] = vectors.get(ids[i]).vector();
        Map<UUID, List<Neighbour>> result = new ConcurrentHashMap<>();
        queries.parallelStream().distinct().forEach(query -> {
            Centroid centroid = vectors.get(query);
            result.put(query, centroid == null ? List.of() : best(centroid.vector(), query, ids, pool, k));
        });
        return result;
    }

    private record Centroid(UUID id, float[] vector, String order) {
    }

    /** A pool member and its similarity to the query. */
    private record Candidate(int index, double similarity) {
    }

    /** Less similar first; among equally similar ones, the later in the pool's order. */
    private static final Comparator<Candidate> WEAKEST_FIRST = Comparator.comparingDouble(Candidate::similarity)
            .thenComparing(Candidate::index, Comparator.reverseOrder());

    private static List<Neighbour> best(float[] query, UUID self, UUID[] ids, float[][] pool, int k) {
        PriorityQueue<Candidate> best = new PriorityQueue<>(k + 1, WEAKEST_FIRST);
        for (int i = 0; i < pool.length; i++) {
            if (ids[i].equals(self)) continue;
            Candidate candidate = new Candidate(i, dot(query, pool[i]));
            if (candidate.similarity() <= 0 || (best.size() >= k && WEAKEST_FIRST.compare(candidate, best.peek()) <= 0)) {
                continue;
            }
            best.add(candidate);
            if (best.size() > k) best.poll();
        }
        Neighbour[] ordered = new Neighbour[best.size()];
        for (int i = ordered.length - 1; i >= 0; i--) {
            Candidate candidate = best.poll();
            ordered[i] = new Neighbour(ids[candidate.index()], Math.min(1.0, candidate.similarity()));
        }
        return List.of(ordered);
    }

    private Map<UUID, Centroid> centroids(TenantId tenant, Set<UUID> ids) {
        Map<UUID, Centroid> vectors = new HashMap<>();
        transactions.useTenant(tenant, handle -> handle.createQuery(CENTROIDS)
                .bind("now", clock.instant()).bind("all", false).bind("ids", ids.toArray(UUID[]::new))
                .bind("model", model)
                .setFetchSize(2_000)
                .map((rs, ctx) -> new Centroid(rs.getObject("id", UUID.class), normalised(rs.getString("centroid")),
                        rs.getString("content_order")))
                .forEach(centroid -> vectors.put(centroid.id(), centroid)));
        return vectors;
    }

    /** pgvector's text form "[0.1,0.2,...]" as a unit vector, so a dot product is the cosine. */
    static float[] normalised(String literal) {
        String[] parts = literal.substring(1, literal.length() - 1).split(",");
        float[] vector = new float[parts.length];
        double norm = 0;
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
            norm += vector[i] * vector[i];
        }
        float length = (float) Math.sqrt(norm);
        if (length > 0) for (int i = 0; i < vector.length; i++) vector[i] /= length;
        return vector;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
