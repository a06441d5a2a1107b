package io.intelligencecrm.knowledge.store;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.UUID;
import java.util.regex.Pattern;

/** Each tenant's vectors live in their own partition of {@code embeddings}, named after the tenant. */
public final class EmbeddingPartitions {
    private static final Pattern NAME = Pattern.compile("embeddings_t_([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})");

    private EmbeddingPartitions() {
    }

    /** Safe to put in SQL: built only from a UUID's hex digits. */
    public static String of(TenantId tenant) {
        return "embeddings_t_" + tenant.value().toString().replace("-", "");
    }

    /** The tenant whose partition this is; fails for any other name, so only our names reach SQL. */
    public static TenantId tenantOf(String partition) {
        var parts = NAME.matcher(partition);
        if (!parts.matches()) throw new IllegalArgumentException("not a tenant's embeddings partition: " + partition);
        return new TenantId(UUID.fromString(String.join("-", parts.group(1), parts.group(2), parts.group(3), parts.group(4),
                parts.group(5))));
    }
}
