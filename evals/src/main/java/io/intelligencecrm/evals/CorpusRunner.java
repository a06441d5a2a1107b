package io.intelligencecrm.evals;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the language corpus against the configured model (offline unless CRM_MODEL_PROVIDER says
 * otherwise), each case on its own copy of the demo tenant, and reports how many reached the right
 * end state or the right question, and how many wrote what nobody asked for.
 * {@code ./crm evals --corpus dev|test|all [--only ID,...] [--explain]}.
 */
public final class CorpusRunner {
    private final Settings settings;
    private final Consumer<CorpusResult> progress;

    public CorpusRunner(Settings settings, Consumer<CorpusResult> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The score of a run over some cases. */
    public record Score(int cases, int correct, int wrongWrites, List<CorpusResult> results) {
        public double accuracy() {
            return cases == 0 ? 0 : correct / (double) cases;
        }

        public List<CorpusResult> failures() {
            return results.stream().filter(result -> !result.correct()).toList();
        }

        public String line(String name) {
            return String.format("%s: %d/%d right (%.1f%%), %d wrong write%s", name, correct, cases, accuracy() * 100,
                    wrongWrites, wrongWrites == 1 ? "" : "s");
        }
    }

    public Score run(List<CorpusCase> cases) {
        Map<String, List<String>> fixtures = CorpusLibrary.fixtures();
        List<CorpusResult> results = new ArrayList<>();
        try (EvalCluster cluster = EvalCluster.start(settings.database(), settings.knowledge())) {
            for (CorpusCase corpusCase : cases) {
                DatabaseCoordinates database = cluster.cloneTemplate();
                try {
                    CorpusResult result = new CorpusAttempt(settings, database, fixtures).run(corpusCase);
                    results.add(result);
                    progress.accept(result);
                } finally {
                    cluster.drop(database);
                }
            }
        }
        int correct = (int) results.stream().filter(CorpusResult::correct).count();
        int wrong = results.stream().mapToInt(CorpusResult::wrongWrites).sum();
        return new Score(results.size(), correct, wrong, results);
    }

    public static void main(String[] args) {
        String part = "dev";
        List<String> only = List.of();
        boolean explain = false;
        Path report = Path.of("evals", "target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> part = args[++i];
                case "--only" -> only = List.of(args[++i].split(","));
                case "--explain" -> explain = true;
                case "--report" -> report = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: evals --corpus dev|test|all [--only ID,...] [--explain] [--report DIR]");
                    System.exit(2);
                }
            }
        }
        List<CorpusCase> cases = switch (part) {
            case "dev" -> CorpusLibrary.cases(CorpusLibrary.Part.DEV);
            case "test" -> CorpusLibrary.cases(CorpusLibrary.Part.TEST);
            case "all" -> CorpusLibrary.all();
            default -> throw new IllegalArgumentException("--corpus takes dev, test or all");
        };
        List<String> wanted = only;
        cases = cases.stream().filter(c -> wanted.isEmpty() || wanted.contains(c.id())).toList();
        boolean details = explain;
        Score score = new CorpusRunner(Settings.fromEnvironment(), result -> System.out.println(details && !result.correct()
                ? result.explain() : (result.correct() ? "right " : "WRONG ") + result.corpusCase().id()
                + (result.wrongWrites() > 0 ? "  (wrong write)" : ""))).run(cases);
        System.out.println();
        System.out.println(score.line("corpus " + part));
        write(report.resolve("corpus-" + part + ".txt"), score, part);
        System.exit(score.wrongWrites() == 0 ? 0 : 1);
    }

    private static void write(Path file, Score score, String part) {
        StringBuilder text = new StringBuilder(score.line("corpus " + part)).append("\n\n");
        score.failures().forEach(failure -> text.append(failure.explain()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
