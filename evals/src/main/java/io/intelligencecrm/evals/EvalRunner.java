package io.intelligencecrm.evals;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs scenarios k times each against the configured model (offline unless CRM_MODEL_PROVIDER says
 * otherwise) on a private database, and scores them. {@code ./crm evals [--k N] [--report DIR]
 * [--only ID,...]} runs the bundled suite and writes the report.
 */
public final class EvalRunner {
    private final Settings settings;
    private final Consumer<String> progress;

    public EvalRunner(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public EvalReport run(List<Scenario> scenarios, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1");
        Map<Scenario, List<AttemptResult>> results = new LinkedHashMap<>();
        try (EvalCluster cluster = EvalCluster.start(settings.database(), settings.knowledge())) {
            for (Scenario scenario : scenarios) {
                List<AttemptResult> attempts = new ArrayList<>();
                for (int attempt = 1; attempt <= k; attempt++) {
                    DatabaseCoordinates database = cluster.cloneTemplate();
                    try {
                        AttemptResult result = new ScenarioAttempt(settings, database).run(scenario, attempt);
                        attempts.add(result);
                        progress.accept(result.passed() ? "pass  " + scenario.id() + " #" + attempt : result.explain());
                    } finally {
                        cluster.drop(database);
                    }
                }
                results.put(scenario, attempts);
            }
        }
        return EvalReport.of(settings.agent().provider().name().toLowerCase(), settings.agent().modelName(), k,
                results);
    }

    public static void main(String[] args) {
        int k = 1;
        Path report = Path.of("evals", "target");
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--only" -> only = List.of(args[++i].split(","));
                default -> {
                    System.err.println("usage: evals [--k N] [--report DIR] [--only ID,...]");
                    System.exit(2);
                }
            }
        }
        List<String> wanted = only;
        List<Scenario> scenarios = ScenarioLibrary.bundled().stream()
                .filter(s -> wanted.isEmpty() || wanted.contains(s.id())).toList();
        EvalReport result = new EvalRunner(Settings.fromEnvironment(), System.out::println).run(scenarios, k);
        result.write(report);
        System.out.printf("%n%d scenarios, k=%d: pass@1 %.1f%%, pass^k %.1f%%, attack success %.1f%%%n",
                result.scenarios(), k, result.passAt1() * 100, result.passHatK() * 100,
                result.attackSuccessRate() * 100);
        System.out.println("report: " + report.resolve("evals-report.md"));
        System.exit(result.allPassed() ? 0 : 1);
    }
}
