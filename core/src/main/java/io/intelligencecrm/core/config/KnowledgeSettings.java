package io.intelligencecrm.core.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The embedding model and the vector store's tuning. {@code inprocess} (all-MiniLM-L6-v2, quantized,
 * 384 dimensions) needs no key and no network. Read in {@link Settings}; each variable is in docs/operating/configuration.md.
 *
 * @param dimension       vector size; OpenAI models are asked for exactly this many dimensions
 * @param hnswThreshold   when set, a tenant with at least this many vectors gets its own HNSW index;
 *                        unset, the threshold follows from the measured cost of an exact scan
 * @param exactScanBudgetMillis the longest an exact scan of a tenant's vectors may take (as measured
 *                        in the database) before the tenant gets its own HNSW index
 * @param hnswM           HNSW links per vector; with {@code hnswEfConstruction}, build time against recall
 * @param efSearch        HNSW candidate list size per query (recall against speed)
 * @param maxUploadBytes  largest knowledge document accepted
 */
public record KnowledgeSettings(Provider provider, String modelName, Optional<String> apiKey, Optional<String> baseUrl,
                                int dimension, OptionalInt hnswThreshold, int exactScanBudgetMillis, int hnswM,
                                int hnswEfConstruction, int efSearch, int maxUploadBytes) {

    public enum Provider { INPROCESS, OPENAI, OLLAMA }

    /** Every default: the in-process model. For tests and tools that need no configuration. */
    public static KnowledgeSettings defaults() {
        return from(java.util.Map.of());
    }

    /** Only these settings, from the given variables: for tools (benchmarks) that need no other configuration. */
    public static KnowledgeSettings from(java.util.Map<String, String> variables) {
        Env env = new Env(variables);
        KnowledgeSettings settings = from(env);
        env.requireValid();
        return settings;
    }

    static KnowledgeSettings from(Env env) {
        Provider provider = env.choice("CRM_EMBEDDING_PROVIDER", Provider.class, Provider.INPROCESS);
        Optional<String> apiKey = env.optional("CRM_EMBEDDING_API_KEY");
        if (provider == Provider.OPENAI && apiKey.isEmpty() && env.optional("CRM_EMBEDDING_BASE_URL").isEmpty()) {
            env.problem("CRM_EMBEDDING_API_KEY is required for CRM_EMBEDDING_PROVIDER=openai"
                    + " (or set CRM_EMBEDDING_BASE_URL to a server that needs none)");
        }
        String defaultModel = switch (provider) {
            case INPROCESS -> "all-minilm-l6-v2-q";
            case OPENAI -> "text-embedding-3-small";
            case OLLAMA -> "nomic-embed-text";
        };
        int defaultDimension = provider == Provider.OLLAMA ? 768 : 384;
        int dimension = env.integer("CRM_EMBEDDING_DIMENSION", defaultDimension, 8, 16_000);
        if (provider == Provider.INPROCESS && dimension != 384) {
            env.problem("CRM_EMBEDDING_DIMENSION must be 384 for the in-process model");
        }
        return new KnowledgeSettings(provider,
                env.string("CRM_EMBEDDING_MODEL", defaultModel),
                apiKey,
                env.optional("CRM_EMBEDDING_BASE_URL"),
                dimension,
                env.optional("CRM_VECTOR_HNSW_THRESHOLD").isPresent()
                        ? OptionalInt.of(env.integer("CRM_VECTOR_HNSW_THRESHOLD", 0, 100, 100_000_000))
                        : OptionalInt.empty(),
                env.integer("CRM_VECTOR_EXACT_SCAN_BUDGET_MS", 2, 1, 1000),
                env.integer("CRM_VECTOR_HNSW_M", 32, 4, 100),
                env.integer("CRM_VECTOR_HNSW_EF_CONSTRUCTION", 128, 16, 1000),
                env.integer("CRM_VECTOR_EF_SEARCH", 200, 10, 1000),
                env.integer("CRM_KNOWLEDGE_MAX_UPLOAD_MB", 10, 1, 100) * 1024 * 1024);
    }
}
