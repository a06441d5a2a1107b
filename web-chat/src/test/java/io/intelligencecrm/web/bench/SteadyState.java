package io.intelligencecrm.web.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Warms an operation up until its cost stops falling. On two cores the JIT keeps compiling the
 * HTTP stack for tens of thousands of requests: after a fixed warm-up of 12,000 the API's CPU per
 * list request still fell by a third over the measured rounds.
 */
final class SteadyState {
    private static final int ROUND = 3_000;
    private static final int MAX_ROUNDS = 25;
    /** Steady when this JVM's CPU per operation over the last three rounds lies within this ratio. */
    private static final double SPREAD = 1.05;

    private SteadyState() {
    }

    /** Runs rounds of the operation (numbered from 0 up) until steady; returns how many ran. */
    static int reach(String name, int threads, ConcurrentRun.Operation operation) throws InterruptedException {
        List<Double> costs = new ArrayList<>();
        while (costs.size() < MAX_ROUNDS) {
            int offset = costs.size() * ROUND;
            CpuMeter.Sample before = CpuMeter.now();
            ConcurrentRun.measure(name, threads, ROUND, i -> operation.run(offset + i));
            CpuMeter.Sample after = CpuMeter.now();
            // This JVM's CPU only: PostgreSQL's share does not fall with warming up and would hide the trend.
            costs.add((after.jvmNanos() - before.jvmNanos()) / (double) ROUND);
            if (costs.size() >= 3) {
                List<Double> last = costs.subList(costs.size() - 3, costs.size());
                double low = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                double high = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                if (high <= SPREAD * low) break;
            }
        }
        return costs.size() * ROUND;
    }
}
