package io.intelligencecrm.knowledge.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.knowledge.store.VectorSpace;
import java.util.ArrayList;
import java.util.List;

/** The configured embedding model with the space its vectors belong to. */
public final class Embedder {
    /** Large enough for the in-process model's batching gain, small enough for remote request limits. */
    private static final int BATCH = 64;

    private final EmbeddingModel model;
    private final VectorSpace space;

    public Embedder(EmbeddingModel model, VectorSpace space) {
        this.model = model;
        this.space = space;
    }

    public VectorSpace space() {
        return space;
    }

    public Embedding embed(String text) {
        Embedding embedding = checked(model.embed(text).content());
        CrmMetrics.embedded(1);
        return embedding;
    }

    public List<Embedding> embedAll(List<String> texts) {
        List<Embedding> all = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from).toList();
            for (Embedding embedding : model.embedAll(batch).content()) all.add(checked(embedding));
            CrmMetrics.embedded(batch.size());
        }
        return all;
    }

    /** A model that answers with another size than configured would corrupt the space: refuse loudly. */
    private Embedding checked(Embedding embedding) {
        if (embedding.dimension() != space.dimension()) {
            throw new IllegalStateException("embedding model " + space.model() + " returned " + embedding.dimension()
                    + " dimensions, configured " + space.dimension() + " (set CRM_EMBEDDING_DIMENSION)");
        }
        return embedding;
    }
}
