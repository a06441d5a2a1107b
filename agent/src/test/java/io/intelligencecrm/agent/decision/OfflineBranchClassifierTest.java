package io.intelligencecrm.agent.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline decision reads the record's fields, never words inside addresses or names. */
class OfflineBranchClassifierTest {
    private final OfflineBranchClassifier classifier = new OfflineBranchClassifier();
    private final Map<String, Object> eve = Map.of("firstName", "Eve", "lastName", "Event",
            "email", "eve.event@customer.example", "lifecycleStage", "lead", "source", "trade show",
            "score", 64, "custom", Map.of("vip", true, "segment", "enterprise"));

    @Test
    void a_branch_named_like_a_field_value_wins_and_an_address_is_no_evidence() {
        BranchChoice choice = classifier.decide("Is Eve already a customer or still a lead?", eve,
                List.of("customer", "lead"));
        assertEquals("lead", choice.branch());
        assertEquals("lifecycleStage is 'lead', which names the branch 'lead'", choice.reason());

        assertEquals("enterprise", classifier.decide("Which segment does the contact belong to?", eve,
                List.of("smb", "enterprise")).branch());
    }

    @Test
    void yes_or_no_follows_a_numeric_comparison_or_a_true_false_field_the_question_names() {
        assertEquals("no", classifier.decide("Is the score above 80?", eve, List.of("yes", "no")).branch());
        BranchChoice atLeast = classifier.decide("Is their score at least 60?", eve, List.of("yes", "no"));
        assertEquals("yes", atLeast.branch());
        assertEquals("score is 64, at least 60", atLeast.reason());
        assertEquals("yes", classifier.decide("Is this contact a VIP?", eve, List.of("yes", "no")).branch());
    }

    @Test
    void nothing_in_the_record_deciding_is_unclear_never_a_guess() {
        BranchChoice worth = classifier.decide("Is Eve worth a call?", eve, List.of("yes", "no"));
        assertFalse(worth.clear());
        BranchChoice none = classifier.decide("Which product fits?", eve, List.of("starter", "pro"));
        assertFalse(none.clear());
        assertTrue(none.reason().contains("no field of the record"), none.reason());
        BranchChoice tie = classifier.decide("Where did they come from?",
                Map.of("source", "partner", "industry", "referral"), List.of("partner", "referral"));
        assertFalse(tie.clear(), tie.reason());
    }
}
