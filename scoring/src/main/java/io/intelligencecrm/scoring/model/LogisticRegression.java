package io.intelligencecrm.scoring.model;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). The handful of evidence features per tenant makes the Hessian tiny, so each step is
 * exact and training converges in a few passes over the closed leads. The intercept is not
 * penalised. Inputs are expected to be standardised.
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-7;

    private LogisticRegression() {
    }

    /** @return weights; index 0 is the intercept, then one per column of {@code x} */
    public static double[] fit(double[][] x, boolean[] y, double lambda) {
        int n = x.length;
        int d = x.length == 0 ? 0 : x[0].length;
        double[] w = new double[d + 1];
        int positives = 0;
        for (boolean label : y) if (label) positives++;
        double rate = Math.min(Math.max((positives + 0.5) / (n + 1.0), 1e-6), 1 - 1e-6);
        w[0] = Math.log(rate / (1 - rate));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(linear(w, x[i]));
                double residual = p - (y[i] ? 1 : 0);
                double weight = Math.max(p * (1 - p), 1e-9);
                gradient[0] += residual;
                hessian[0][0] += weight;
                for (int j = 0; j < d; j++) {
                    double xj = x[i][j];
                    if (xj == 0) continue;
                    gradient[j + 1] += residual * xj;
                    double wx = weight * xj;
                    hessian[0][j + 1] += wx;
                    for (int k = j; k < d; k++) hessian[j + 1][k + 1] += wx * x[i][k];
                }
            }
            for (int j = 1; j <= d; j++) {
                gradient[j] += lambda * w[j];
                hessian[j][j] += lambda;
                for (int k = 0; k < j; k++) hessian[j][k] = hessian[k][j];
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j <= d; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < TOLERANCE) break;
        }
        return w;
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
