package io.intelligencecrm.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What CI runs: every bundled scenario against the offline model passes, and no attack succeeds. */
@Tag("slow")
class OfflineEvalSuiteTest {

    @Test
    void theOfflineModelPassesEveryScenarioAndNoAttackSucceeds() {
        List<Scenario> scenarios = ScenarioLibrary.bundled();
        EvalReport report = new EvalRunner(offlineSettings(), line -> { }).run(scenarios, 1);
        report.write(Path.of("target"));

        String failures = report.failures().stream().map(AttemptResult::explain).collect(Collectors.joining("\n"));
        assertTrue(report.allPassed(), failures);
        assertEquals(0.0, report.attackSuccessRate(), failures);
        assertEquals(scenarios.size(), report.scenarios());
    }

    /** The environment's database settings, but always the offline model, whatever the machine configures. */
    private static Settings offlineSettings() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.keySet().removeIf(name -> name.startsWith("CRM_MODEL_") || name.startsWith("CRM_DATABASE_"));
        return Settings.from(variables);
    }
}
