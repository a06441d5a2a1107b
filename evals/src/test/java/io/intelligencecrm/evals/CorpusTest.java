package io.intelligencecrm.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The corpus is large enough, split cleanly, and gives the evals their state-scored scenarios. */
class CorpusTest {

    @Test
    void the_corpus_has_four_hundred_cases_split_into_development_and_test_without_overlap() {
        List<CorpusCase> dev = CorpusLibrary.cases(CorpusLibrary.Part.DEV);
        List<CorpusCase> test = CorpusLibrary.cases(CorpusLibrary.Part.TEST);
        assertTrue(dev.size() + test.size() >= 400, dev.size() + test.size() + " cases");
        Set<String> ids = new HashSet<>();
        dev.forEach(c -> ids.add(c.id()));
        test.forEach(c -> assertTrue(ids.add(c.id()), "in both parts or twice: " + c.id()));
        assertTrue(dev.stream().anyMatch(c -> c.turns().size() > 1) && test.stream().anyMatch(c -> c.turns().size() > 1));
        var fixtures = CorpusLibrary.fixtures();
        CorpusLibrary.all().forEach(c -> CorpusLibrary.setup(c, fixtures));
    }

    @Test
    void at_least_sixty_development_cases_become_state_scored_eval_scenarios() {
        List<Scenario> scenarios = CorpusScenarios.development();
        assertTrue(scenarios.size() >= 60, scenarios.size() + " scenarios");
        scenarios.forEach(scenario -> assertTrue(!scenario.expect().state().isEmpty(), scenario.id()));
        assertEquals(scenarios.size(), scenarios.stream().map(Scenario::id).distinct().count());
    }

    @Test
    void expected_days_are_resolved_against_today() {
        LocalDate tuesday = LocalDate.of(2026, 11, 24);
        assertEquals("2026-12-01", ExpectedValues.date("next:tue", tuesday));
        assertEquals("2026-11-19", ExpectedValues.date("last:thu", tuesday));
        assertEquals("2026-11-30", ExpectedValues.date("eom", tuesday));
        assertEquals("2026-12-31", ExpectedValues.date("eonm", tuesday));
        assertEquals("2026-11-25T15:00", ExpectedValues.date("+1T15:00", tuesday));
        assertEquals("2027-01-24", ExpectedValues.date("+2m", tuesday));
    }
}
