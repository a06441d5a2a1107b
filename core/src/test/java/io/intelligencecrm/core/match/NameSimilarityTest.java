package io.intelligencecrm.core.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameSimilarityTest {
    @Test
    void a_span_scores_by_how_much_of_the_name_it_covers_word_by_word() {
        assertEquals(1.0, NameSimilarity.score("jane park", "Jane Park"));
        assertEquals(0.875, NameSimilarity.score("jane prk", "Jane Park"));
        assertEquals(0.5, NameSimilarity.score("jane", "Jane Doe"));
        assertEquals(0.5, NameSimilarity.score("jane prk", "Jane Doe"));
        assertEquals(1.0, NameSimilarity.score("acme corp", "Acme Corporation"));
        assertEquals(1.0, NameSimilarity.score("acme", "Acme Corporation"), "a legal form need not be typed");
        assertEquals(0.5, NameSimilarity.score("vela", "Vela Systems"));
        assertTrue(NameSimilarity.score("jane park tomorrow", "Jane Park") < 1.0, "extra words cost");
        assertEquals(0.0, NameSimilarity.score("bob", "Jane Park"));
    }
}
