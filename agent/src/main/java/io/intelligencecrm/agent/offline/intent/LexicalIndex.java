package io.intelligencecrm.agent.offline.intent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of the bank's examples, weighted by how rare they are across the bank (inverse document
 * frequency). A sentence embedding blurs the one word that decides a request ("add" or "find", "log" or
 * "remind"); the overlap of rare words between a message and an intent's examples gives it back.
 * Immutable, so thread-safe.
 */
final class LexicalIndex {
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\d'@.+-]+");

    private final Intent[] intents;
    private final List<Map<String, Double>> vectors;
    private final Map<String, Double> idf;

    private LexicalIndex(Intent[] intents, List<Map<String, Double>> vectors, Map<String, Double> idf) {
        this.intents = intents;
        this.vectors = vectors;
        this.idf = idf;
    }

    static LexicalIndex build(Intent[] intents, List<String> texts) {
        Map<String, Integer> frequency = new HashMap<>();
        List<Set<String>> words = texts.stream().map(LexicalIndex::words).toList();
        words.forEach(set -> set.forEach(word -> frequency.merge(word, 1, Integer::sum)));
        Map<String, Double> idf = new HashMap<>();
        frequency.forEach((word, count) -> idf.put(word, Math.log(1 + texts.size() / (double) count)));
        List<Map<String, Double>> vectors = words.stream().map(set -> vector(set, idf)).toList();
        return new LexicalIndex(intents, vectors, idf);
    }

    /** Per intent, the best cosine of the message's weighted words with one of its examples. */
    Map<Intent, Double> scores(String text) {
        Map<String, Double> message = vector(words(text), idf);
        Map<Intent, Double> best = new HashMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            double cosine = cosine(message, vectors.get(i));
            best.merge(intents[i], cosine, Math::max);
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : SPLIT.split(text.toLowerCase())) {
            if (!word.isEmpty()) words.add(word.replaceAll("^[.'-]+|[.'-]+$", ""));
        }
        words.remove("");
        return words;
    }

    private static Map<String, Double> vector(Set<String> words, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (String word : words) {
            double weight = idf.getOrDefault(word, 0.0);
            if (weight == 0) continue;
            vector.put(word, weight);
            norm += weight * weight;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        vector.replaceAll((word, weight) -> weight * scale);
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) sum += entry.getValue() * other;
        }
        return sum;
    }
}
