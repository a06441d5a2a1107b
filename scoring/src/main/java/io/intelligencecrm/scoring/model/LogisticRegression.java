package io.intelligencecrm.scoring.model;

import java.util.Arrays;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares), with a sign allowed per weight. A weight may only point the way its own feature points
 * on its own (a value that wins more often may only raise a score), so features that move together
 * cannot cancel out with opposite signs and an explanation never contradicts the win rates beside
 * it; a feature whose effect would reverse once the others are known gets weight 0 instead. A weight
 * may also be capped (evidence already on the log-odds scale is never trusted beyond face value). The
 * constraints are kept by an active-set method: Newton steps on the free weights, a weight stepping
 * past its bound held at 0, and bound weights released when the gradient pulls them into their
 * allowed side.
 * The intercept is free and not penalised. Inputs are expected to be standardised.
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-7;
    private static final int MAX_RELEASES = 5;

    private LogisticRegression() {
    }

    /** Unconstrained: every weight free in both directions. */
    public static double[] fit(double[][] x, boolean[] y, double lambda) {
        int[] free = new int[x.length == 0 ? 0 : x[0].length];
        Arrays.fill(free, 2);
        double[] unlimited = new double[free.length];
        Arrays.fill(unlimited, Double.POSITIVE_INFINITY);
        return fit(x, y, lambda, free, unlimited);
    }

    /**
     * @param directions per column: 1 the weight stays at or above 0, -1 at or below 0, 0 fixed at 0,
     *                   2 free either way
     * @param limits     per column: the largest size the weight may reach in its direction
     * @return weights; index 0 is the intercept, then one per column of {@code x}
     */
    public static double[] fit(double[][] x, boolean[] y, double lambda, int[] directions, double[] limits) {
        int n = x.length;
        int d = directions.length;
        double[] w = new double[d + 1];
        int positives = 0;
        for (boolean label : y) if (label) positives++;
        double rate = Math.min(Math.max((positives + 0.5) / (n + 1.0), 1e-6), 1 - 1e-6);
        w[0] = Math.log(rate / (1 - rate));
        boolean[] bound = new boolean[d + 1];
        for (int j = 0; j < d; j++) bound[j + 1] = directions[j] == 0;
        int releases = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            int[] active = active(bound);
            int m = active.length;
            double[] gradient = new double[m];
            double[][] hessian = new double[m][m];
            accumulate(x, y, w, active, gradient, hessian);
            for (int a = 1; a < m; a++) {
                gradient[a] += lambda * w[active[a]];
                hessian[a][a] += lambda;
            }
            for (int a = 0; a < m; a++) for (int b = 0; b < a; b++) hessian[a][b] = hessian[b][a];
            double[] step = solve(hessian, gradient);
            double change = 0;
            boolean blocked = false;
            for (int a = 0; a < m; a++) {
                int j = active[a];
                w[j] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
                int direction = j == 0 ? 2 : directions[j - 1];
                // A weight stepping past a bound stops there and stays bound until the gradient pulls it back.
                if (direction == 1 && w[j] < 0 || direction == -1 && w[j] > 0) {
                    w[j] = 0;
                    bound[j] = true;
                    blocked = true;
                } else if (direction != 2 && j > 0 && Math.abs(w[j]) > limits[j - 1]) {
                    w[j] = direction * limits[j - 1];
                    bound[j] = true;
                    blocked = true;
                }
            }
            if (blocked || change >= TOLERANCE) continue;
            // A few rounds of releasing: a weight pushed back and forth by its neighbours stays at 0.
            if (releases++ >= MAX_RELEASES || !release(x, y, w, bound, directions, lambda)) break;
        }
        return w;
    }

    /** Frees every bound weight the gradient pulls into its allowed side; false when none is pulled. */
    private static boolean release(double[][] x, boolean[] y, double[] w, boolean[] bound, int[] directions,
                                   double lambda) {
        int d = directions.length;
        int[] all = new int[d + 1];
        for (int j = 0; j <= d; j++) all[j] = j;
        double[] gradient = new double[d + 1];
        accumulate(x, y, w, all, gradient, null);
        boolean released = false;
        double pull = 1e-6 * Math.max(1, x.length);
        for (int j = 1; j <= d; j++) {
            int direction = directions[j - 1];
            if (!bound[j] || direction == 0) continue;
            // Moving the weight against its gradient lowers the loss: allowed towards its direction from 0,
            // back towards 0 from its limit.
            double descent = -(gradient[j] + lambda * w[j]) * direction;
            if (w[j] == 0 ? descent > pull : descent < -pull) {
                bound[j] = false;
                released = true;
            }
        }
        return released;
    }

    private static int[] active(boolean[] bound) {
        int count = 0;
        for (boolean b : bound) if (!b) count++;
        int[] active = new int[count];
        int a = 0;
        for (int j = 0; j < bound.length; j++) if (!bound[j]) active[a++] = j;
        return active;
    }

    /** Adds the log-loss gradient (and Hessian, upper triangle, when given) over the active weights. */
    private static void accumulate(double[][] x, boolean[] y, double[] w, int[] active, double[] gradient,
                                   double[][] hessian) {
        int m = active.length;
        double[] row = new double[m];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double p = sigmoid(linear(w, xi));
            double residual = p - (y[i] ? 1 : 0);
            double weight = Math.max(p * (1 - p), 1e-9);
            for (int a = 0; a < m; a++) row[a] = active[a] == 0 ? 1 : xi[active[a] - 1];
            for (int a = 0; a < m; a++) {
                double xa = row[a];
                if (xa == 0) continue;
                gradient[a] += residual * xa;
                if (hessian == null) continue;
                double wx = weight * xa;
                double[] line = hessian[a];
                for (int b = a; b < m; b++) line[b] += wx * row[b];
            }
        }
    }

    public static double linear(double[] w, double[] x) {
        double z = w[0];
        for (int j = 0; j < x.length; j++) z += w[j + 1] * x[j];
        return z;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Solves a symmetric positive definite system by Cholesky decomposition. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
                if (i == j) l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                else l[i][j] = sum / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) sum -= l[i][k] * z[k];
            z[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
