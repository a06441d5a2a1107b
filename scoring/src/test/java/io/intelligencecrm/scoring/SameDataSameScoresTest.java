package io.intelligencecrm.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.scoring.model.Factor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Retraining on the same data gives the same model, scores and explanations: nothing may depend on
 * the random contact ids, the order rows come back from the database or how the backtest folds are
 * scheduled on threads.
 */
class SameDataSameScoresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    private record Trained(TrainingReport report, List<String> leads, String firstLeadId) {
    }

    @Test
    void the_same_leads_imported_in_another_order_get_the_same_model_scores_and_explanations() {
        Trained first = trainAndExplain(0);
        Trained second = trainAndExplain(20_261_207);

        assertNotEquals(first.firstLeadId(), second.firstLeadId(), "the two imports have their own contact ids");
        assertEquals(first.report(), second.report());
        assertEquals(first.leads().size(), second.leads().size());
        for (int i = 0; i < first.leads().size(); i++) assertEquals(first.leads().get(i), second.leads().get(i));
    }

    /** The same generated leads in a database of their own, imported in the given row order, trained and explained. */
    private static Trained trainAndExplain(long rowOrder) {
        try (Database database = TestPostgres.get().openFreshDatabase(4)) {
            WideLeads.Loaded loaded = WideLeads.load(database, CLOCK, "same-data", 1_200, 0.7, WideLeads.OWN_ATTRIBUTES,
                    11, List.of("Select"), rowOrder);
            try (ScoringServices services = loaded.scoring()) {
                TrainingReport report = services.scoring().trainTenant(loaded.tenant());
                List<ScoredLead> every = services.scoring().explainAll(loaded.tenant(), LeadFactsReader.Which.ALL);
                List<String> leads = every.stream().map(SameDataSameScoresTest::described).sorted().toList();
                return new Trained(report, leads, every.getFirst().contactId().toString());
            }
        }
    }

    /** A lead by name with its exact score, its factors, the similar leads it is shown and its rationale. */
    private static String described(ScoredLead lead) {
        ScoreExplanation explanation = lead.explanation();
        return lead.name() + " | " + lead.score() + " | " + explanation.probability() + " | "
                + explanation.factors().stream().map(Factor::toString).collect(Collectors.joining("; ")) + " | "
                + explanation.neighbours().stream().map(similar -> similar.name() + " " + similar.outcome() + " "
                + similar.similarity()).collect(Collectors.joining("; ")) + " | " + explanation.rationale();
    }
}
