package io.intelligencecrm.web.bench;

import java.util.Arrays;

/** Throughput and latency percentiles of one measured run. */
record LatencyStats(String name, int operations, double seconds, long[] nanos) {

    double throughput() {
        return operations / seconds;
    }

    double percentileMillis(double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    String line() {
        return String.format("%-28s %9.0f ops/s   p50 %7.2f ms   p99 %7.2f ms   (%d ops)", name, throughput(),
                percentileMillis(50), percentileMillis(99), operations);
    }
}
