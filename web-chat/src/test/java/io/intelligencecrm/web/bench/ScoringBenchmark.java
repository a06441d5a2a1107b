package io.intelligencecrm.web.bench;

import com.sun.management.OperatingSystemMXBean;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.scoring.ScoringService;
import io.intelligencecrm.scoring.SyntheticLeads;
import io.intelligencecrm.scoring.TemplatedRationale;
import io.intelligencecrm.scoring.TrainingReport;
import io.intelligencecrm.scoring.WideLeads;
import io.intelligencecrm.scoring.model.Metrics;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * ./crm bench scoring [engagement|wide] — two runs, both by default.
 *
 * <p>engagement: writes 20,000 closed and 100,000 open synthetic leads (with about half a million
 * interactions) into a throwaway database, then measures end to end: training (with its 5-fold
 * backtest) and scoring every open lead with evidence, stored in the score history. The quality is
 * measured twice: the backtest AUC against the generator's optimal AUC, and the stored scores of the
 * open leads against outcomes drawn from their hidden probabilities.
 *
 * <p>wide: imports 25,000 web leads with 60 attributes through the CSV import (20,000 with their
 * outcome), then times training plus the 5-fold backtest (target 20 s) with the process's CPU time,
 * and the held-out AUC of the 5,000 open leads' scores.
 */
public final class ScoringBenchmark {
    private static final int CLOSED = 20_000;
    private static final int OPEN = 100_000;
    private static final double TARGET_SECONDS = 120;

    private ScoringBenchmark() {
    }

    private static final int WIDE_CLOSED = 20_000;
    private static final int WIDE_ATTRIBUTES = 60;
    private static final double WIDE_TARGET_SECONDS = 20;

    public static void main(String[] args) {
        String which = args.length == 0 ? "both" : args[0];
        if (!which.equals("wide")) engagement();
        if (!which.equals("engagement")) wide();
    }

    private static void wide() {
        Clock clock = Clock.systemUTC();
        try (Database database = TestPostgres.get().openFreshDatabase(4)) {
            WideLeads.Loaded loaded = WideLeads.load(database, clock, "scoring-wide", WIDE_CLOSED * 5 / 4, 0.8,
                    WIDE_ATTRIBUTES, 2026);
            database.ownerJdbi().useHandle(handle -> handle.execute("analyze"));
            System.out.printf("Imported %,d web leads with %d attributes (%,d with their outcome) in %.1f s%n",
                    loaded.rows(), WIDE_ATTRIBUTES, WIDE_CLOSED, loaded.seconds());
            ScoringService scoring = loaded.scoring().scoring();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double databaseCpuStart = databaseCpuSeconds();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            TrainingReport report = scoring.trainTenant(loaded.tenant(), step -> System.out.printf(
                    "  %6.1f s wall, %5.1f s CPU in this JVM: %s%n", (System.nanoTime() - start) / 1e9,
                    (os.getProcessCpuTime() - cpuStart) / 1e9, step));
            double seconds = seconds(start);
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            double databaseCpu = databaseCpuSeconds() - databaseCpuStart;
            System.out.printf("Training plus %d-fold backtest on %,d closed leads: %.1f s wall (target %.0f s: %s);"
                            + " CPU %.1f s in this JVM + %.1f s in PostgreSQL; load %s%n", report.backtest().folds(),
                    report.closedLeads(), seconds, WIDE_TARGET_SECONDS, seconds <= WIDE_TARGET_SECONDS ? "met" : "MISSED",
                    cpu, databaseCpu, load());
            System.out.printf("Backtest AUC %.4f (generator's optimal on the same leads %.4f); %d features used, %d left out%n",
                    report.backtest().auc(), loaded.truth().optimalAuc(loaded.truth().closed()), report.features().size(),
                    report.dropped().size());
            scoring.rescoreOpenLeads(loaded.tenant(), done -> { });
            System.out.printf("Held-out AUC of the %,d open leads' stored scores: %.4f (optimal %.4f)%n",
                    loaded.truth().open().size(), loaded.heldOutAuc(), loaded.truth().optimalAuc(loaded.truth().open()));
            loaded.scoring().close();
        }
    }

    /** CPU seconds used so far by the benchmark's PostgreSQL server and its backends (from /proc). */
    private static double databaseCpuSeconds() {
        try {
            Path pidFile = TestPostgres.get().cluster().root().resolve("data").resolve("postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            return ProcessHandle.of(postmaster).map(server -> Stream.concat(Stream.of(server), server.descendants())
                    .mapToDouble(ScoringBenchmark::cpuSeconds).sum()).orElse(0.0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double cpuSeconds(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15 of /proc/pid/stat, in clock ticks of 1/100 s.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String load() {
        return String.format(java.util.Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void engagement() {
        Clock clock = Clock.systemUTC();
        try (Database database = TestPostgres.get().openFreshDatabase(4)) {
            TenantId tenant = TestTenants.create(database, "scoring-bench").tenantId();
            long loadStart = System.nanoTime();
            SyntheticLeads.Result truth = new SyntheticLeads(2026, clock.instant())
                    .generate(database.tenants(), tenant, OPEN, CLOSED);
            database.ownerJdbi().useHandle(handle -> handle.execute("analyze"));
            System.out.printf("Loaded %,d closed and %,d open leads in %.1f s%n", CLOSED, OPEN, seconds(loadStart));

            ScoringService scoring = new ScoringService(database.tenants(), new TenantDirectory(database.jdbi()),
                    new ChangeFeed(new Outbox(database.tenants()), List.of()),
                    new TextSimilarityNeighbours(database.tenants(), clock), new TemplatedRationale(), clock);
            long start = System.nanoTime();
            TrainingReport report = scoring.trainTenant(tenant);
            double training = seconds(start);
            long scoringStart = System.nanoTime();
            int scored = scoring.rescoreOpenLeads(tenant, done -> { });
            double scoringSeconds = seconds(scoringStart);
            double total = seconds(start);

            double[] openAuc = openLeadAuc(database, tenant, truth);
            System.out.printf("Trained on %,d closed leads (%,d won) with a %d-fold backtest in %.1f s%n",
                    report.closedLeads(), report.wonLeads(), report.backtest().folds(), training);
            System.out.printf("Scored and stored %,d open leads with evidence in %.1f s (%.0f leads/s)%n", scored,
                    scoringSeconds, scored / scoringSeconds);
            System.out.printf("End to end: %.1f s (target %.0f s): %s; load %s%n", total, TARGET_SECONDS,
                    total <= TARGET_SECONDS ? "met" : "MISSED", load());
            System.out.printf("Backtest AUC %.4f vs the generator's optimal %.4f; Brier %.4f (always-the-base-rate %.4f)%n",
                    report.backtest().auc(), truth.optimalAuc(), report.backtest().brier(), report.backtest().baseBrier());
            System.out.printf("Stored scores of the open leads: AUC %.4f against outcomes drawn from their hidden"
                    + " probabilities (those probabilities themselves: %.4f)%n", openAuc[0], openAuc[1]);
        }
    }

    /** {stored scores' AUC, hidden probabilities' AUC} on outcomes drawn for the open leads. */
    private static double[] openLeadAuc(Database database, TenantId tenant, SyntheticLeads.Result truth) {
        Map<UUID, Double> scores = new HashMap<>();
        database.tenants().useTenant(tenant, handle -> handle.createQuery(
                        "select id, score from contacts where score is not null and lifecycle_stage in ('lead', 'qualified')")
                .setFetchSize(10_000)
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getDouble("score")))
                .forEach(entry -> scores.put(entry.getKey(), entry.getValue())));
        Random random = new Random(11);
        List<UUID> open = truth.open();
        double[] stored = new double[open.size()];
        double[] hidden = new double[open.size()];
        boolean[] won = new boolean[open.size()];
        for (int i = 0; i < open.size(); i++) {
            stored[i] = scores.getOrDefault(open.get(i), -1.0);
            hidden[i] = truth.truth().get(open.get(i));
            won[i] = random.nextDouble() < hidden[i];
        }
        return new double[] {Metrics.auc(stored, won), Metrics.auc(hidden, won)};
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
