package io.intelligencecrm.web.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU spent by this JVM and by every PostgreSQL process on the machine. Throughput on two shared
 * cores swings with whatever else runs; CPU per operation does not, so benchmarks report both.
 */
final class CpuMeter {
    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    record Sample(long jvmNanos, long postgresNanos) {
    }

    private CpuMeter() {
    }

    static Sample now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Sample(os.getProcessCpuTime(), postgresNanos());
    }

    /** Own and reaped children's time of each postgres process: backends that exit are counted by the postmaster. */
    private static long postgresNanos() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuMeter::postgresTicks).sum() * NANOS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) return 0;
            // After "pid (comm) " comes field 3 (state); utime, stime, cutime and cstime are fields 14 to 17.
            String[] fields = stat.substring(close + 2).split(" ");
            long ticks = 0;
            for (int field = 14; field <= 17; field++) ticks += Long.parseLong(fields[field - 3]);
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }
}
