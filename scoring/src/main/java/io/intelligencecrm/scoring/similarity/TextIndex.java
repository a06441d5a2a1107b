package io.intelligencecrm.scoring.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * TF-IDF word vectors of closed leads with an inverted index, for cosine similarity against any
 * text. Words in more than half the leads (greetings, "call", "follow") carry no contrast and are
 * left out. Two standard approximations keep lookups fast on large tenants: a query uses only its
 * {@link #QUERY_TERMS} heaviest words, and each word keeps only the {@link #POSTINGS} leads it
 * weighs most in (impact-ordered pruning); both only drop contributions too small to change the
 * nearest few. Documents are numbered in the order of their content, never of their random ids, and
 * equally similar ones are ranked by that number, so the same data finds the same neighbours in any
 * tenant. Immutable once built; safe to share between threads.
 */
final class TextIndex {
    private static final double MAX_DOCUMENT_SHARE = 0.5;
    static final int QUERY_TERMS = 24;
    static final int POSTINGS = 2_000;
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "you", "your",
            "are", "was", "were", "have", "has", "had", "not", "but", "from", "they", "them", "their", "our", "out",
            "will", "would", "can", "could", "about", "into", "just", "all", "any", "been", "also", "there", "what",
            "when", "which", "who", "how", "its", "per", "via", "let", "get", "got", "re", "fwd");

    /** Terms by weight, equal weights by term number: the same words make the same query. */
    private static final Comparator<Map.Entry<Integer, Double>> HEAVIEST_FIRST =
            Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private final UUID[] documents;
    private final Map<String, Integer> terms;
    private final double[] idf;
    private final int[][] postings;
    private final float[][] weights;
    /** Each document's own heaviest terms as a query, so an indexed lead is not tokenised again. */
    private final Map<UUID, Map<Integer, Double>> queries;

    private TextIndex(UUID[] documents, Map<String, Integer> terms, double[] idf, int[][] postings, float[][] weights,
                      Map<UUID, Map<Integer, Double>> queries) {
        this.documents = documents;
        this.terms = terms;
        this.idf = idf;
        this.postings = postings;
        this.weights = weights;
        this.queries = queries;
    }

    /**
     * A closed lead's text.
     *
     * @param order where it stands among documents otherwise alike, see
     *              {@link io.intelligencecrm.scoring.LeadFactsReader#CONTENT_ORDER}
     */
    record Document(UUID id, String text, String order) {
    }

    static TextIndex build(Collection<Document> texts) {
        List<Document> sorted = texts.stream().sorted(Comparator.comparing(Document::order)
                .thenComparing(Document::text).thenComparing(Document::id)).toList();
        UUID[] documents = sorted.stream().map(Document::id).toArray(UUID[]::new);
        List<Map<String, Integer>> counts = new ArrayList<>(documents.length);
        Map<String, Integer> frequency = new HashMap<>();
        for (Document document : sorted) {
            Map<String, Integer> words = words(document.text());
            counts.add(words);
            for (String word : words.keySet()) frequency.merge(word, 1, Integer::sum);
        }
        int limit = Math.max(2, (int) (MAX_DOCUMENT_SHARE * documents.length));
        Map<String, Integer> terms = new HashMap<>();
        List<Double> idfs = new ArrayList<>();
        // Terms numbered in word order, which the order of equally heavy query terms follows.
        frequency.keySet().stream().sorted().forEach(word -> {
            int df = frequency.get(word);
            if (df <= limit) {
                terms.put(word, terms.size());
                idfs.add(Math.log(1 + (double) documents.length / df));
            }
        });
        double[] idf = idfs.stream().mapToDouble(Double::doubleValue).toArray();
        int[] sizes = new int[terms.size()];
        List<Map<Integer, Double>> vectors = new ArrayList<>(documents.length);
        Map<UUID, Map<Integer, Double>> queries = new HashMap<>();
        for (int d = 0; d < documents.length; d++) {
            Map<Integer, Double> vector = vector(counts.get(d), terms, idf);
            vectors.add(vector);
            queries.put(documents[d], heaviest(vector));
            for (int term : vector.keySet()) sizes[term]++;
        }
        int[][] postings = new int[terms.size()][];
        float[][] weights = new float[terms.size()][];
        for (int t = 0; t < sizes.length; t++) {
            postings[t] = new int[sizes[t]];
            weights[t] = new float[sizes[t]];
        }
        int[] filled = new int[terms.size()];
        for (int d = 0; d < vectors.size(); d++) {
            for (Map.Entry<Integer, Double> entry : vectors.get(d).entrySet()) {
                int t = entry.getKey();
                postings[t][filled[t]] = d;
                weights[t][filled[t]++] = entry.getValue().floatValue();
            }
        }
        for (int t = 0; t < postings.length; t++) {
            if (postings[t].length > POSTINGS) prune(postings, weights, t);
        }
        return new TextIndex(documents, terms, idf, postings, weights, queries);
    }

    /** The {@link #QUERY_TERMS} heaviest terms of a vector: what a lookup uses of it. */
    private static Map<Integer, Double> heaviest(Map<Integer, Double> vector) {
        if (vector.size() <= QUERY_TERMS) return vector;
        List<Map.Entry<Integer, Double>> entries = new ArrayList<>(vector.entrySet());
        entries.sort(HEAVIEST_FIRST);
        Map<Integer, Double> kept = new HashMap<>();
        for (Map.Entry<Integer, Double> entry : entries.subList(0, QUERY_TERMS)) kept.put(entry.getKey(), entry.getValue());
        return kept;
    }

    /** Keeps the {@link #POSTINGS} documents the term weighs most in. */
    private static void prune(int[][] postings, float[][] weights, int term) {
        Integer[] order = new Integer[postings[term].length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        float[] w = weights[term];
        Arrays.sort(order, (a, b) -> Float.compare(w[b], w[a]));
        int[] keptDocuments = new int[POSTINGS];
        float[] keptWeights = new float[POSTINGS];
        for (int i = 0; i < POSTINGS; i++) {
            keptDocuments[i] = postings[term][order[i]];
            keptWeights[i] = w[order[i]];
        }
        postings[term] = keptDocuments;
        weights[term] = keptWeights;
    }

    int size() {
        return documents.length;
    }

    /**
     * The k most similar documents, most similar first, skipping {@code self}; an indexed {@code self}
     * is looked up by its indexed words (its text is then not read again). Not thread-safe per scratch.
     */
    List<Neighbour> nearest(String text, UUID self, int k, Scratch scratch) {
        Map<Integer, Double> indexed = queries.get(self);
        Map<Integer, Double> query = indexed != null ? indexed : vector(words(text), terms, idf);
        if (query.isEmpty()) return List.of();
        scratch.reset(documents.length);
        List<Map.Entry<Integer, Double>> heaviest = new ArrayList<>(query.entrySet());
        heaviest.sort(HEAVIEST_FIRST);
        for (Map.Entry<Integer, Double> entry : heaviest.subList(0, Math.min(QUERY_TERMS, heaviest.size()))) {
            int[] docs = postings[entry.getKey()];
            float[] w = weights[entry.getKey()];
            float q = entry.getValue().floatValue();
            for (int i = 0; i < docs.length; i++) scratch.add(docs[i], q * w[i]);
        }
        // A min-heap of the best k in two primitive arrays; most documents lose to its weakest and never enter it.
        int[] heapDocuments = new int[k];
        float[] heapScores = new float[k];
        int size = 0;
        for (int i = 0; i < scratch.touched; i++) {
            int document = scratch.documents[i];
            float score = scratch.score(document);
            if (size == k && !weaker(heapScores[0], heapDocuments[0], score, document)) continue;
            if (documents[document].equals(self)) continue;
            if (size < k) {
                siftUp(heapDocuments, heapScores, size++, document, score);
            } else {
                siftDown(heapDocuments, heapScores, size, document, score);
            }
        }
        Neighbour[] result = new Neighbour[size];
        for (int i = size - 1; i >= 0; i--) {
            result[i] = new Neighbour(documents[heapDocuments[0]], Math.min(1.0, heapScores[0]));
            siftDown(heapDocuments, heapScores, i, heapDocuments[i], heapScores[i]);
        }
        return Arrays.asList(result);
    }

    private static void siftUp(int[] documents, float[] scores, int at, int document, float score) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!weaker(score, document, scores[parent], documents[parent])) break;
            documents[at] = documents[parent];
            scores[at] = scores[parent];
            at = parent;
        }
        documents[at] = document;
        scores[at] = score;
    }

    /** Less similar, or as similar and later in the documents' order: no two documents tie. */
    private static boolean weaker(float score, int document, float otherScore, int otherDocument) {
        return score < otherScore || score == otherScore && document > otherDocument;
    }

    /** Replaces the weakest (the root) of a heap of {@code size} with the given document. */
    private static void siftDown(int[] documents, float[] scores, int size, int document, float score) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && weaker(scores[child + 1], documents[child + 1], scores[child], documents[child])) {
                child++;
            }
            if (!weaker(scores[child], documents[child], score, document)) break;
            documents[at] = documents[child];
            scores[at] = scores[child];
            at = child;
        }
        if (size > 0) {
            documents[at] = document;
            scores[at] = score;
        }
    }

    /** Per-thread accumulators, reused across queries so a batch allocates almost nothing. */
    static final class Scratch {
        private float[] scores = new float[0];
        private int[] documents = new int[0];
        private boolean[] seen = new boolean[0];
        private int touched;

        void reset(int size) {
            if (scores.length < size) {
                scores = new float[size];
                documents = new int[size];
                seen = new boolean[size];
            } else {
                for (int i = 0; i < touched; i++) {
                    scores[documents[i]] = 0;
                    seen[documents[i]] = false;
                }
            }
            touched = 0;
        }

        void add(int document, float value) {
            if (!seen[document]) {
                seen[document] = true;
                documents[touched++] = document;
            }
            scores[document] += value;
        }

        float score(int document) {
            return scores[document];
        }
    }

    private static Map<Integer, Double> vector(Map<String, Integer> words, Map<String, Integer> terms, double[] idf) {
        Map<Integer, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> word : words.entrySet()) {
            Integer term = terms.get(word.getKey());
            if (term == null) continue;
            double weight = (1 + Math.log(word.getValue())) * idf[term];
            vector.put(term, weight);
            norm += weight * weight;
        }
        double length = Math.sqrt(norm);
        if (length > 0) vector.replaceAll((term, weight) -> weight / length);
        return vector;
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        if (text == null) return words;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3 || STOP_WORDS.contains(word)) continue;
            words.merge(word, 1, Integer::sum);
        }
        return words;
    }
}
