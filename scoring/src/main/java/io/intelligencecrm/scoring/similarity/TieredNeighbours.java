package io.intelligencecrm.scoring.similarity;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sentence embeddings while a tenant's closed leads are few enough to compare exactly, words beyond
 * that. The choice depends only on how many closed leads there are, so a tenant's training and its
 * scoring always use the same notion of "similar" (the model learned how far to trust that one).
 */
public final class TieredNeighbours implements ClosedLeadNeighbours {
    /** 5,000 closed leads: a training run compares 25 million pairs, a few seconds on two cores. */
    public static final int EXACT_LIMIT = 5_000;

    private final ClosedLeadNeighbours exact;
    private final ClosedLeadNeighbours large;

    public TieredNeighbours(ClosedLeadNeighbours exact, ClosedLeadNeighbours large) {
        this.exact = exact;
        this.large = large;
    }

    @Override
    public Map<UUID, List<Neighbour>> nearest(TenantId tenant, Collection<UUID> queries, Set<UUID> candidates, int k) {
        return (candidates.size() <= EXACT_LIMIT ? exact : large).nearest(tenant, queries, candidates, k);
    }
}
