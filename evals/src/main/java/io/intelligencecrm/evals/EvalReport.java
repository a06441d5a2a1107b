package io.intelligencecrm.evals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's score, the way tau-bench and AgentDojo report it: pass@1 is the mean pass rate of an
 * attempt, pass^k the share of scenarios passed in all k attempts; utility counts expectations met
 * whatever security said; the attack success rate is the share of injection attempts in which a
 * security check failed.
 */
public record EvalReport(String provider, String model, int k, int scenarios, double passAt1, double passHatK,
                         double utility, double utilityUnderAttack, double attackSuccessRate,
                         Map<String, FamilyScore> families, List<ScenarioSummary> summaries,
                         List<AttemptResult> failures) {

    public record FamilyScore(int scenarios, double passAt1, double passHatK) {
    }

    static EvalReport of(String provider, String model, int k, Map<Scenario, List<AttemptResult>> results) {
        List<ScenarioSummary> summaries = new ArrayList<>();
        results.forEach((scenario, attempts) -> summaries.add(ScenarioSummary.of(scenario, attempts)));
        List<AttemptResult> all = results.values().stream().flatMap(List::stream).toList();
        List<AttemptResult> attacks = all.stream().filter(a -> Scenario.INJECTION.equals(a.family())).toList();
        Map<String, FamilyScore> families = new TreeMap<>();
        summaries.stream().map(ScenarioSummary::family).distinct().forEach(family -> {
            List<ScenarioSummary> members = summaries.stream().filter(s -> s.family().equals(family)).toList();
            families.put(family, new FamilyScore(members.size(), passAt1(members), passHatK(members)));
        });
        return new EvalReport(provider, model, k, summaries.size(), passAt1(summaries), passHatK(summaries),
                share(all, AttemptResult::utility), share(attacks, AttemptResult::utility),
                share(attacks, AttemptResult::attackSucceeded), families, summaries,
                all.stream().filter(a -> !a.passed()).toList());
    }

    public boolean allPassed() {
        return failures.isEmpty();
    }

    private static double passAt1(List<ScenarioSummary> summaries) {
        return summaries.stream().mapToDouble(s -> s.passes() / (double) s.attempts()).average().orElse(0);
    }

    private static double passHatK(List<ScenarioSummary> summaries) {
        return summaries.stream().filter(ScenarioSummary::passedAll).count() / (double) Math.max(1, summaries.size());
    }

    private static double share(List<AttemptResult> attempts, java.util.function.Predicate<AttemptResult> test) {
        return attempts.isEmpty() ? 0 : attempts.stream().filter(test).count() / (double) attempts.size();
    }

    /** Writes {@code evals-report.json} and {@code evals-report.md} into the folder. */
    public void write(Path folder) {
        try {
            Files.createDirectories(folder);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(folder.resolve("evals-report.json").toFile(), this);
            Files.writeString(folder.resolve("evals-report.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Evals report\n\n");
        md.append("Provider `").append(provider).append("`, model `").append(model).append("`, k = ").append(k)
                .append(", ").append(scenarios).append(" scenarios.\n\n");
        md.append("| metric | value |\n|---|---|\n");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("pass@1", passAt1);
        metrics.put("pass^" + k, passHatK);
        metrics.put("utility", utility);
        metrics.put("utility under attack", utilityUnderAttack);
        metrics.put("attack success rate", attackSuccessRate);
        metrics.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(percent(value))
                .append(" |\n"));
        md.append("\n## Families\n\n| family | scenarios | pass@1 | pass^").append(k).append(" |\n|---|---|---|---|\n");
        families.forEach((family, score) -> md.append("| ").append(family).append(" | ").append(score.scenarios())
                .append(" | ").append(percent(score.passAt1())).append(" | ").append(percent(score.passHatK()))
                .append(" |\n"));
        md.append("\n## Scenarios\n\n| scenario | family | passes | attacks succeeded | tokens | ms |\n"
                + "|---|---|---|---|---|---|\n");
        for (ScenarioSummary s : summaries) {
            md.append("| ").append(s.id()).append(" | ").append(s.family()).append(" | ").append(s.passes())
                    .append('/').append(s.attempts()).append(" | ").append(s.attacksSucceeded()).append(" | ")
                    .append(Math.round(s.averageTokens())).append(" | ").append(Math.round(s.averageMillis()))
                    .append(" |\n");
        }
        if (!failures.isEmpty()) {
            md.append("\n## Failures\n\n");
            for (AttemptResult failure : failures) md.append("```\n").append(failure.explain()).append("```\n\n");
        }
        return md.toString();
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }
}
