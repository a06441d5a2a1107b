package io.intelligencecrm.agent.offline.intent;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank's examples as unit vectors. Embedding the bank takes seconds, so it happens once per JVM
 * and model, in the background from the first {@link #shared} call; every offline model of the JVM
 * then shares the result. Immutable once built, so thread-safe.
 */
final class BankIndex {
    /** An intent's score is the mean of its best few matches: one lucky example does not decide. */
    private static final int NEAREST = 2;
    private static final int BATCH = 64;
    private static final Map<EmbeddingModel, CompletableFuture<BankIndex>> SHARED = new ConcurrentHashMap<>();

    private final Intent[] intents;
    private final float[][] vectors;

    private BankIndex(Intent[] intents, float[][] vectors) {
        this.intents = intents;
        this.vectors = vectors;
    }

    static CompletableFuture<BankIndex> shared(EmbeddingModel model, IntentBank bank) {
        return SHARED.computeIfAbsent(model, key -> CompletableFuture.supplyAsync(() -> build(key, bank),
                command -> Thread.ofPlatform().daemon().name("offline-intent-bank").start(command)));
    }

    static BankIndex build(EmbeddingModel model, IntentBank bank) {
        List<IntentBank.Example> examples = bank.examples();
        Intent[] intents = new Intent[examples.size()];
        float[][] vectors = new float[examples.size()][];
        for (int from = 0; from < examples.size(); from += BATCH) {
            List<IntentBank.Example> batch = examples.subList(from, Math.min(examples.size(), from + BATCH));
            List<TextSegment> segments = batch.stream().map(example -> TextSegment.from(Normalizer.forEmbedding(example.text())))
                    .toList();
            var embeddings = model.embedAll(segments).content();
            for (int i = 0; i < batch.size(); i++) {
                intents[from + i] = batch.get(i).intent();
                vectors[from + i] = unit(embeddings.get(i).vector());
            }
        }
        return new BankIndex(intents, vectors);
    }

    Classification classify(float[] message) {
        float[] query = unit(message);
        Map<Intent, float[]> best = new EnumMap<>(Intent.class);
        for (int i = 0; i < vectors.length; i++) {
            float similarity = dot(query, vectors[i]);
            float[] top = best.computeIfAbsent(intents[i], intent -> new float[NEAREST]);
            for (int k = 0; k < NEAREST; k++) {
                if (similarity > top[k]) {
                    System.arraycopy(top, k, top, k + 1, NEAREST - k - 1);
                    top[k] = similarity;
                    break;
                }
            }
        }
        List<IntentScore> scores = new ArrayList<>();
        best.forEach((intent, top) -> {
            double sum = 0;
            for (float value : top) sum += value;
            scores.add(new IntentScore(intent, sum / NEAREST));
        });
        scores.sort(Comparator.comparingDouble(IntentScore::score).reversed());
        return new Classification(scores);
    }

    int size() {
        return vectors.length;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) norm += value * value;
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) unit[i] = vector[i] * scale;
        return unit;
    }
}
