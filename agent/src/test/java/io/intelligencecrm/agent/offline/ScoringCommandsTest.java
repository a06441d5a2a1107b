package io.intelligencecrm.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScoringCommandsTest {
    private final OfflineCommands commands = new OfflineCommands();
    private final LocalDate today = LocalDate.of(2026, 11, 24);

    @Test
    void score_questions_become_scoring_tool_calls() {
        assertEquals("scoreMyLeads", tool("score my leads"));
        assertEquals("leadsToCall", tool("top 10 leads I should call today"));
        assertEquals(10, commands.understand("top 10 leads I should call today", today).steps().getFirst().arguments()
                .get("limit"));
        assertEquals("leadsToCall", tool("which leads should I call today?"));
        assertEquals("scoreDrops", tool("which leads dropped this week?"));
        assertEquals(30, commands.understand("whose score dropped in the last 30 days", today).steps().getFirst()
                .arguments().get("days"));
    }

    @Test
    void why_questions_look_the_person_up_then_explain_from_evidence_whatever_number_was_asked() {
        for (String question : new String[] {"why is Jane a 82?", "Why is Jane scored 82", "why is Jane's score so low?",
                "why does Jane have a score of 40", "explain Jane's score"}) {
            Plan plan = commands.understand(question, today);
            assertEquals("searchContacts", plan.steps().getFirst().tool(), question);
            assertEquals("Jane", plan.subject(), question);
            assertEquals("explainScore", plan.steps().get(1).tool(), question);
        }
        assertEquals("Jane Doe", commands.understand("why is Jane Doe a 82?", today).subject());
    }

    @Test
    void other_commands_are_left_alone() {
        assertEquals("newLeads", tool("new leads this week"));
        assertNull(ScoringCommands.understand("move Jane Doe to qualified"));
    }

    private String tool(String text) {
        return commands.understand(text, today).steps().getFirst().tool();
    }
}
