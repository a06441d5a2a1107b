package io.intelligencecrm.knowledge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one size band's queries measured, and whether the band meets the targets. */
final class BandResult {
    static final double TARGET_P50_MS = 10;
    static final double TARGET_P99_MS = 50;
    static final double TARGET_RECALL = 0.95;
    static final double TARGET_OVERHEAD_P50_MS = 1;

    private final SizeBand band;
    private final int tenants;
    private final int indexedTenants;
    private final long vectors;
    private final List<Double> product = new ArrayList<>();
    private final List<Double> raw = new ArrayList<>();
    private final List<Double> exact = new ArrayList<>();
    private final List<Double> intrinsicDimension = new ArrayList<>();
    private final List<Double> productCpuMicros = new ArrayList<>();
    private final List<Double> rawCpuMicros = new ArrayList<>();
    private double recallSum;
    private double recallMin = 1;
    private int full;

    BandResult(SizeBand band, int tenants, int indexedTenants, long vectors) {
        this.band = band;
        this.tenants = tenants;
        this.indexedTenants = indexedTenants;
        this.vectors = vectors;
    }

    void add(double productMillis, double rawMillis, double exactMillis, double recall, boolean fullTopTen,
             double localIntrinsicDimension) {
        product.add(productMillis);
        raw.add(rawMillis);
        exact.add(exactMillis);
        recallSum += recall;
        recallMin = Math.min(recallMin, recall);
        if (fullTopTen) full++;
        intrinsicDimension.add(localIntrinsicDimension);
    }

    /** The querying thread's CPU for one product search and one raw SQL search. */
    void addClientCpu(double productMicros, double rawMicros) {
        productCpuMicros.add(productMicros);
        rawCpuMicros.add(rawMicros);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-10s %-11s %9s %7s | %-17s | %-17s | %-15s | %-13s | %-19s | %-6s %-4s %-8s %-4s %s",
                "band", "tenants", "vectors", "queries", "product p50/p99", "raw SQL p50/p99", "overhead p50/p99",
                "client CPU µs", "exact scan p50/p99", "recall", "min", "top-10", "LID", "target");
    }

    String row() {
        return String.format(Locale.ROOT,
                "%-10s %3d (%3d ix) %,9d %7d | %6.2f / %6.2f ms | %6.2f / %6.2f ms | %+5.2f / %+5.2f ms | %5.0f / %5.0f | %7.2f / %7.2f ms | %-6.3f %-4.2f %-8s %-4.0f %s",
                band.label(), tenants, indexedTenants, vectors, product.size(), p(product, 50), p(product, 99), p(raw, 50),
                p(raw, 99), p(product, 50) - p(raw, 50), p(product, 99) - p(raw, 99), p(productCpuMicros, 50),
                p(rawCpuMicros, 50), p(exact, 50), p(exact, 99), recall(),
                recallMin, full + "/" + product.size(), p(intrinsicDimension, 50), meetsTargets() ? "met" : "MISSED");
    }

    /** One line per band for a Markdown table. */
    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %d (%d indexed) | %.2f / %.2f | %.2f / %.2f | %+.2f / %+.2f | %.0f / %.0f | %.2f / %.2f | %.3f (%.1f) | %d/%d |",
                band.label(), tenants, indexedTenants, p(product, 50), p(product, 99), p(raw, 50), p(raw, 99),
                p(product, 50) - p(raw, 50), p(product, 99) - p(raw, 99), p(productCpuMicros, 50), p(rawCpuMicros, 50),
                p(exact, 50), p(exact, 99), recall(), recallMin,
                full, product.size());
    }

    boolean meetsTargets() {
        return p(product, 50) <= TARGET_P50_MS && p(product, 99) <= TARGET_P99_MS && full == product.size()
                && recall() >= TARGET_RECALL && p(product, 50) - p(raw, 50) <= TARGET_OVERHEAD_P50_MS;
    }

    private double recall() {
        return recallSum / product.size();
    }

    private static double p(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
