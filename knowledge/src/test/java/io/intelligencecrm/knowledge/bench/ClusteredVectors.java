package io.intelligencecrm.knowledge.bench;

import dev.langchain4j.data.embedding.Embedding;
import java.util.SplittableRandom;

/**
 * Unit vectors that cluster the way sentence embeddings do: a shared pool of topic centres (tenants
 * talk about overlapping things), each tenant using a subset of them, every vector a centre plus
 * noise of a per-topic spread.
 *
 * <p>How the noise spreads decides how hard the data is for an index. Sentence embeddings vary
 * along few directions: all-MiniLM-L6-v2 on 17,000 real English one-line notes (Debian changelog
 * entries) has a local intrinsic dimensionality (MLE, k = 10) of 17 and a relative contrast (mean
 * distance over nearest distance) of 1.77. {@link Noise#REALISTIC} spreads each topic along its own
 * power-law spectrum (variance of the i-th direction ~ i^-1.25), which gives about 31 and 1.74: a
 * little harder than the real text. {@link Noise#ISOTROPIC} spreads equally in all 384 directions
 * (intrinsic dimensionality near 100), a stress case no text model produces.
 */
public final class ClusteredVectors {
    public enum Noise { REALISTIC, ISOTROPIC }

    private static final double SPECTRUM_EXPONENT = 1.25;
    private static final double REALISTIC_SPREAD = 3.0;
    private final float[][] topics;
    private final double[] spread;
    private final int[][] directions;
    private final double[] weights;
    private final int dimension;

    public ClusteredVectors(int dimension, int topicCount, long seed, Noise noise) {
        this.dimension = dimension;
        SplittableRandom random = new SplittableRandom(seed);
        topics = new float[topicCount][];
        spread = new double[topicCount];
        directions = new int[topicCount][];
        for (int t = 0; t < topicCount; t++) {
            topics[t] = unit(gaussian(random, dimension, 1.0));
            spread[t] = (0.35 + random.nextDouble() * 0.5) * (noise == Noise.REALISTIC ? REALISTIC_SPREAD : 1.0);
            directions[t] = shuffled(random, dimension);
        }
        weights = new double[dimension];
        double meanSquare = 0;
        for (int i = 0; i < dimension; i++) {
            weights[i] = noise == Noise.REALISTIC ? Math.pow(i + 1, -SPECTRUM_EXPONENT / 2) : 1.0;
            meanSquare += weights[i] * weights[i] / dimension;
        }
        for (int i = 0; i < dimension; i++) weights[i] /= Math.sqrt(meanSquare);
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
            float[] vector = topics[topic].clone();
            for (int i = 0; i < dimension; i++) vector[directions[topic][i]] += (float) (noise[i] * weights[i]);
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

    private static int[] shuffled(SplittableRandom random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
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
