package io.intelligencecrm.knowledge.store;

import io.intelligencecrm.core.tenant.TenantId;

/** Each tenant's vectors live in their own partition of {@code embeddings}, named after the tenant. */
public final class EmbeddingPartitions {
    private EmbeddingPartitions() {
    }

    /** Safe to put in SQL: built only from a UUID's hex digits. */
    public static String of(TenantId tenant) {
        return "embeddings_t_" + tenant.value().toString().replace("-", "");
    }
}
