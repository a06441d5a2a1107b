package io.intelligencecrm.knowledge.store;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.OptionalDouble;

/**
 * How many vectors a tenant holds before it gets its own HNSW index. An exact scan costs in
 * proportion to the tenant's vectors, and what one vector costs depends on the machine, its load,
 * the vector length and the row width; an HNSW search costs a few milliseconds at any size. So,
 * unless a fixed number is configured, the cost per vector is measured on this database, on the
 * largest tenant still scanned exactly, and a tenant is indexed once its exact scan would take
 * longer than the budget. Measured on a busy machine the threshold comes out lower, which only
 * builds indexes sooner.
 */
public sealed interface IndexThreshold {
    /**
     * Below this an HNSW search (200 candidates, 32 links per vector) reaches most of the graph
     * anyway and is no faster than the exact scan, so a measured threshold never goes lower.
     */
    long MIN_VECTORS = 2_000;

    /** The threshold now, given the largest tenant without an index and its (estimated) vector count. */
    Decision decide(TenantId largest, long vectors);

    /**
     * @param vectors         a tenant with at least this many vectors gets an index
     * @param millisPerVector what an exact scan cost per vector, when it was measured
     */
    record Decision(long vectors, OptionalDouble millisPerVector) {
    }

    /** A configured number of vectors. */
    record Fixed(long vectors) implements IndexThreshold {
        @Override
        public Decision decide(TenantId largest, long count) {
            return new Decision(vectors, OptionalDouble.empty());
        }
    }

    /** The vectors an exact scan of {@code space} gets through within {@code budgetMillis}, measured on the largest tenant. */
    record Measured(ExactScanCost cost, VectorSpace space, double budgetMillis) implements IndexThreshold {
        @Override
        public Decision decide(TenantId largest, long vectors) {
            if (vectors < MIN_VECTORS) return new Decision(MIN_VECTORS, OptionalDouble.empty());
            OptionalDouble perVector = cost.millisPerVector(largest, space);
            if (perVector.isEmpty() || perVector.getAsDouble() <= 0) return new Decision(MIN_VECTORS, perVector);
            return new Decision(Math.max(MIN_VECTORS, (long) Math.ceil(budgetMillis / perVector.getAsDouble())), perVector);
        }
    }
}
