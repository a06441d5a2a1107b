package io.intelligencecrm.web.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Runs an operation a fixed number of times from several threads and records each latency. */
final class ConcurrentRun {
    interface Operation {
        void run(int iteration) throws Exception;
    }

    private ConcurrentRun() {
    }

    static LatencyStats measure(String name, int threads, int operations, Operation operation) throws InterruptedException {
        return measure(name, threads, operations, operation, new LongAdder());
    }

    /** @param threadCpuNanos receives the CPU time of the threads that ran the operation */
    static LatencyStats measure(String name, int threads, int operations, Operation operation, LongAdder threadCpuNanos)
            throws InterruptedException {
        long[] nanos = new long[operations];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < operations) {
                    long begin = System.nanoTime();
                    try {
                        operation.run(i);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - begin;
                }
                threadCpuNanos.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) throw new IllegalStateException(name + ": " + failures.get() + " operations failed");
        return new LatencyStats(name, operations, seconds, nanos);
    }
}
