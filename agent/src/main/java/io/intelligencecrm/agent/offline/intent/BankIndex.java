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
    /** How much the overlap of rare words adds to the embedding's similarity. */
    private static final double LEXICAL = 0.3;
    private static final int BATCH = 64;
    private static final Map<EmbeddingModel, CompletableFuture<BankIndex>> SHARED = new ConcurrentHashMap<>();

    private final Intent[] intents;
    private final float[][] vectors;
    private final LexicalIndex words;

    private BankIndex(Intent[] intents, float[][] vectors, LexicalIndex words) {
        this.intents = intents;
        this.vectors = vectors;
        this.words = words;
    }

    static CompletableFuture<BankIndex> shared(EmbeddingModel model, IntentBank bank) {
        return SHARED.computeIfAbsent(model, key -> CompletableFuture.supplyAsync(() -> build(key, bank),
                command -> Thread.ofPlatform().daemon().name("offline-intent-bank").start(command)));
    }

    static BankIndex build(EmbeddingModel model, IntentBank bank) {
        List<IntentBank.Example> examples = bank.examples();
        Intent[] intents = examples.stream().map(IntentBank.Example::intent).toArray(Intent[]::new);
        List<String> texts = examples.stream().map(example -> Normalizer.forEmbedding(example.text())).toList();
        String name = model.getClass().getName();
        float[][] vectors = BankCache.read(name, texts);
        if (vectors == null) {
            vectors = new float[texts.size()][];
            for (int from = 0; from < texts.size(); from += BATCH) {
                List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                        .map(TextSegment::from).toList();
                var embeddings = model.embedAll(segments).content();
                for (int i = 0; i < segments.size(); i++) vectors[from + i] = unit(embeddings.get(i).vector());
            }
            BankCache.write(name, texts, vectors);
        }
        return new BankIndex(intents, vectors, LexicalIndex.build(intents, texts));
    }

    Classification classify(float[] message, String text) {
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
        Map<Intent, Double> lexical = words.scores(text);
        List<IntentScore> scores = new ArrayList<>();
        best.forEach((intent, top) -> {
            double sum = 0;
            for (float value : top) sum += value;
            scores.add(new IntentScore(intent, sum / NEAREST + LEXICAL * lexical.getOrDefault(intent, 0.0)));
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
