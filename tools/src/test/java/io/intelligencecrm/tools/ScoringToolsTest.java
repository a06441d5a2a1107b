package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.tools.scoring.ScoreAnswer;
import io.intelligencecrm.tools.scoring.ScoringTools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final ScoringTools tools = new ScoringTools(fixture.services);

    @Test
    void a_rep_scores_their_own_leads_and_gets_them_best_first() {
        TableResult mine = tools.scoreMyLeads(as(fixture.rep));

        assertFalse(mine.rows().isEmpty(), mine.note());
        List<Double> scores = mine.rows().stream().map(row -> ((Number) row.get(4)).doubleValue()).toList();
        for (int i = 1; i < scores.size(); i++) assertTrue(scores.get(i - 1) >= scores.get(i), scores.toString());
        long unscored = fixture.count("""
                select count(*) from contacts c where c.owner_id = :rep
                   and c.lifecycle_stage in ('lead', 'qualified') and c.deleted_at is null and c.score is null""",
                Map.of("rep", fixture.rep.userId()));
        assertEquals(0, unscored);
    }

    @Test
    void why_a_contact_has_their_score_comes_from_the_stored_evidence() {
        String id = String.valueOf(tools.leadsToCall(1, false, as(fixture.manager)).rows().isEmpty()
                ? tools.scoreMyLeads(as(fixture.rep)).rows().getFirst().getFirst()
                : tools.leadsToCall(1, false, as(fixture.manager)).rows().getFirst().getFirst());

        ScoreAnswer answer = tools.explainScore(id, as(fixture.viewer));

        assertTrue(answer.rationale().startsWith(answer.name() + " scores " + Math.round(answer.score())),
                answer.rationale());
        assertFalse(answer.factors().isEmpty());
        assertTrue(answer.modelVersion().equals("prior-1") || answer.modelVersion().startsWith("logistic-"));
    }

    @Test
    void score_drops_and_leads_to_call_are_tables_with_ids() {
        TableResult drops = tools.scoreDrops(7, false, as(fixture.manager));
        TableResult toCall = tools.leadsToCall(5, true, as(fixture.rep));

        assertEquals("id", drops.columns().getFirst());
        assertEquals("id", toCall.columns().getFirst());
        assertTrue(toCall.rows().size() <= 5);
    }
}
