package io.intelligencecrm.evals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Eval scenarios from the language corpus's development part: each case with an end state to check
 * (its own checks and those its expected changes imply) becomes a scenario of the family
 * {@code corpus}, which also requires the expected tools to have run and no other write tool. Cases
 * the offline model does not yet get right are left out by name, so CI stays green and the list
 * says what is missing.
 */
public final class CorpusScenarios {
    public static final String FAMILY = "corpus";
    /** Development cases whose end state the offline model does not reach yet (see docs/evals.md). */
    private static final Set<String> NOT_YET = Set.of();
    /** The demo users' time zone, in which the cases' days are meant. */
    private static final ZoneId DEMO_ZONE = ZoneId.of("Europe/London");

    private CorpusScenarios() {
    }

    public static List<Scenario> development() {
        return of(CorpusLibrary.cases(CorpusLibrary.Part.DEV).stream().filter(c -> !NOT_YET.contains(c.id())).toList(),
                CorpusLibrary.fixtures(), LocalDate.now(DEMO_ZONE));
    }

    static List<Scenario> of(List<CorpusCase> cases, Map<String, List<String>> fixtures, LocalDate today) {
        DerivedState derived = new DerivedState(today);
        List<Scenario> scenarios = new ArrayList<>();
        for (CorpusCase corpusCase : cases) {
            // Where a question is right too, no one end state is required, so there is nothing to hold a scenario to.
            if (corpusCase.expect().orClarify()) continue;
            List<StateCheck> state = new ArrayList<>(corpusCase.expect().state());
            state.addAll(derived.of(corpusCase));
            if (state.isEmpty()) continue;
            Set<String> expected = new TreeSet<>();
            corpusCase.expect().writes().forEach(call -> expected.addAll(call.tools()));
            List<String> ran = corpusCase.expect().writes().stream().filter(call -> call.tools().size() == 1)
                    .map(CorpusCase.Call::tool).distinct().toList();
            List<String> notRan = CorpusAttempt.WRITE_TOOLS.stream().filter(tool -> !expected.contains(tool)).sorted().toList();
            scenarios.add(new Scenario(FAMILY + "-" + corpusCase.id(), FAMILY, "Corpus case: " + String.join(" / ", corpusCase.turns()),
                    corpusCase.role(), CorpusLibrary.setup(corpusCase, fixtures), List.of(), corpusCase.turns(),
                    new Scenario.Expectations(state, ran, notRan, corpusCase.expect().replyContains(), null)));
        }
        return scenarios;
    }
}
