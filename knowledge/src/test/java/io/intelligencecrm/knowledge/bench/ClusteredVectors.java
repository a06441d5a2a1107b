package io.intelligencecrm.knowledge.bench;

import dev.langchain4j.data.embedding.Embedding;
import java.util.SplittableRandom;

/**
 * Unit vectors that cluster the way sentence embeddings do: a shared pool of topic centres (tenants
 * talk about overlapping things), each tenant using a subset of them, every vector a centre plus
 * noise of a per-topic spread. Uniform noise would make every neighbour equally far and flatter
 * any index; this keeps near-duplicates and dense topics, which is what makes recall hard.
 */
public final class ClusteredVectors {
    private final float[][] topics;
    private final double[] spread;
    private final int dimension;

    public ClusteredVectors(int dimension, int topicCount, long seed) {
        this.dimension = dimension;
        SplittableRandom random = new SplittableRandom(seed);
        topics = new float[topicCount][];
        spread = new double[topicCount];
        for (int t = 0; t < topicCount; t++) {
            topics[t] = unit(gaussian(random, dimension, 1.0));
            spread[t] = 0.35 + random.nextDouble() * 0.5;
        }
    }

    /** A generator for one tenant: its own mix of topics, deterministic from the seed. */
    public Tenant tenant(long seed, int topicsPerTenant) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[topicsPerTenant];
        for (int i = 0; i < topicsPerTenant; i++) chosen[i] = random.nextInt(topics.length);
        return new Tenant(chosen, random);
    }

    public final class Tenant {
        private final int[] chosen;
        private final SplittableRandom random;

        private Tenant(int[] chosen, SplittableRandom random) {
            this.chosen = chosen;
            this.random = random;
        }

        /** Zipf-like topic popularity: a few topics hold most of a tenant's vectors. */
        public float[] next() {
            int index = (int) Math.min(chosen.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * chosen.length));
            int topic = chosen[index];
            float[] noise = gaussian(random, dimension, spread[topic] / Math.sqrt(dimension));
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) vector[i] = topics[topic][i] + noise[i];
            return unit(vector);
        }

        public Embedding nextEmbedding() {
            return Embedding.from(next());
        }
    }

    private static float[] gaussian(SplittableRandom random, int n, double sigma) {
        float[] values = new float[n];
        for (int i = 0; i < n; i += 2) {
            double u = Math.max(random.nextDouble(), 1e-12);
            double v = random.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u)) * sigma;
            values[i] = (float) (r * Math.cos(2 * Math.PI * v));
            if (i + 1 < n) values[i + 1] = (float) (r * Math.sin(2 * Math.PI * v));
        }
        return values;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) norm += value * value;
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) vector[i] *= scale;
        return vector;
    }

    /** Cosine distance of two unit vectors, as pgvector's {@code <=>} computes it. */
    public static double distance(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
        return 1 - dot;
    }
}
