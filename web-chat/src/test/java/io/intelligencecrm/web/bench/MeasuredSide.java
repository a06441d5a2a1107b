package io.intelligencecrm.web.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * One side of a comparison (the API, or raw JDBC) measured over several rounds that alternate
 * with the other side's, so a change in machine load lands on both. Also reports the CPU each
 * operation cost: in the load-generating threads, in the rest of this JVM, and in PostgreSQL.
 */
final class MeasuredSide {
    private final String name;
    private long[] nanos = new long[0];
    private double seconds;
    private long threadCpu;
    private long jvmCpu;
    private long postgresCpu;

    MeasuredSide(String name) {
        this.name = name;
    }

    /** Runs operations first..first+count-1 (so each has a distinct number across rounds). */
    void round(int threads, int first, int count, ConcurrentRun.Operation operation) throws InterruptedException {
        LongAdder callerCpu = new LongAdder();
        CpuMeter.Sample before = CpuMeter.now();
        LatencyStats round = ConcurrentRun.measure(name, threads, count, i -> operation.run(first + i), callerCpu);
        CpuMeter.Sample after = CpuMeter.now();
        int offset = nanos.length;
        nanos = Arrays.copyOf(nanos, offset + count);
        System.arraycopy(round.nanos(), 0, nanos, offset, count);
        seconds += round.seconds();
        threadCpu += callerCpu.sum();
        jvmCpu += after.jvmNanos() - before.jvmNanos();
        postgresCpu += after.postgresNanos() - before.postgresNanos();
    }

    LatencyStats stats() {
        return new LatencyStats(name, nanos.length, seconds, nanos);
    }

    String line() {
        double perOperation = 1_000.0 * nanos.length;
        return String.format("%s   CPU per op: caller %4.0f µs, rest of JVM %4.0f µs, PostgreSQL %4.0f µs", stats().line(),
                threadCpu / perOperation, (jvmCpu - threadCpu) / perOperation, postgresCpu / perOperation);
    }
}
