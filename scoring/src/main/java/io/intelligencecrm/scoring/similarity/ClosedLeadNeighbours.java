package io.intelligencecrm.scoring.similarity;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the closed leads most like a given lead, over their profiles and interactions. The
 * similarity evidence of lead scoring depends on nothing else, so the way similarity is measured
 * (hashed words here, pgvector embeddings in the knowledge module) can change without touching the
 * model.
 *
 * <p>Implementations read only the given tenant's data (inside its tenant transaction), compare a
 * closed lead as it was when it was won or lost (nothing written after its outcome), never return
 * a query as its own neighbour, and return only ids from {@code candidates}.
 */
public interface ClosedLeadNeighbours {

    /**
     * The batch form, used by training and "rescore all": for every query contact, up to {@code k}
     * of the candidates, most similar first. Queries without usable text map to an empty list.
     */
    Map<UUID, List<Neighbour>> nearest(TenantId tenant, Collection<UUID> queries, Set<UUID> candidates, int k);

    default List<Neighbour> nearest(TenantId tenant, UUID query, Set<UUID> candidates, int k) {
        return nearest(tenant, List.of(query), candidates, k).getOrDefault(query, List.of());
    }
}
