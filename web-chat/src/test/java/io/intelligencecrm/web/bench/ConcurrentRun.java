package io.intelligencecrm.web.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs an operation a fixed number of times from several threads and records each latency. */
final class ConcurrentRun {
    interface Operation {
        void run(int iteration) throws Exception;
    }

    private ConcurrentRun() {
    }

    static LatencyStats measure(String name, int threads, int operations, Operation operation) throws InterruptedException {
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
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) throw new IllegalStateException(name + ": " + failures.get() + " operations failed");
        return new LatencyStats(name, operations, seconds, nanos);
    }
}
