package io.intelligencecrm.agent.offline.intent;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads what a message asks for by meaning: its embedding (the in-process MiniLM the knowledge base
 * uses) against the bank's examples. The bank is embedded once per JVM, in the background; a message's
 * embedding is kept for the rest of its turn, since the planner reads the same message once per step.
 * Thread-safe.
 */
public final class IntentClassifier {
    private static final int REMEMBERED = 512;

    private final EmbeddingModel model;
    private final CompletableFuture<BankIndex> index;
    private final Map<String, float[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    public IntentClassifier(EmbeddingModel model) {
        this(model, IntentBank.bundled());
    }

    IntentClassifier(EmbeddingModel model, IntentBank bank) {
        this.model = model;
        this.index = BankIndex.shared(model, bank);
    }

    /** @param masked the message with its records, emails and phones masked ({@link Masking}) */
    public Classification classify(String masked) {
        String input = Normalizer.forEmbedding(masked);
        float[] vector;
        synchronized (recent) {
            vector = recent.get(input);
        }
        if (vector == null) {
            vector = model.embed(input).content().vector();
            synchronized (recent) {
                recent.put(input, vector);
            }
        }
        return index().classify(vector, input);
    }

    private BankIndex index() {
        try {
            return index.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the intent bank was embedded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the intent bank could not be embedded", e.getCause());
        }
    }
}
