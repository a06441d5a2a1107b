package io.intelligencecrm.scoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.testing.TestPostgres;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Ranking quality on a dataset shaped like the public lead-scoring data, imported through the CSV
 * import: 9,240 web leads, outcomes recorded on 70%, the other 30% scored and compared with the
 * outcomes kept aside.
 */
class WebLeadsScoringTest {

    @Test
    void held_out_leads_are_ranked_almost_as_well_as_their_hidden_probabilities_allow() {
        try (Database database = TestPostgres.get().openFreshDatabase(4)) {
            WideLeads.Loaded loaded = WideLeads.load(database, Clock.systemUTC(), "web-leads", 9_240, 0.7,
                    WideLeads.OWN_ATTRIBUTES, 42);
            ScoringService scoring = loaded.scoring().scoring();
            TrainingReport report = scoring.trainTenant(loaded.tenant());
            scoring.rescoreOpenLeads(loaded.tenant(), done -> { });

            double heldOut = loaded.heldOutAuc();
            double optimal = loaded.truth().optimalAuc(loaded.truth().open());
            System.out.printf("web leads: backtest AUC %.4f, Brier %.4f (base %.4f); held-out AUC %.4f, optimal %.4f%n",
                    report.backtest().auc(), report.backtest().brier(), report.backtest().baseBrier(), heldOut, optimal);
            assertTrue(heldOut >= optimal - 0.02, "held-out AUC " + heldOut + " vs optimal " + optimal);
            assertTrue(report.backtest().brier() < 0.7 * report.backtest().baseBrier(), report.backtest().toString());
            loaded.scoring().close();
        }
    }
}
