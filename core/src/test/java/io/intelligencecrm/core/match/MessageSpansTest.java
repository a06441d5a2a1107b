package io.intelligencecrm.core.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSpansTest {
    private static List<String> texts(String message) {
        return MessageSpans.of(message).stream().map(span -> span.normalised()).toList();
    }

    @Test
    void names_are_runs_of_words_without_filler_times_or_commands_at_their_edges() {
        List<String> spans = texts("log meeting w/ jane park tmrw 3pm re: onboarding");
        assertTrue(spans.containsAll(List.of("jane", "park", "jane park", "onboarding")), spans.toString());
        assertFalse(spans.contains("tmrw") || spans.contains("3pm") || spans.contains("meeting")
                || spans.contains("jane park tmrw") || spans.contains("w/ jane"), spans.toString());
    }

    @Test
    void addresses_and_domains_are_whole_spans_and_punctuation_ends_a_name() {
        List<Span> spans = MessageSpans.of("add Ben Ortiz from Vela, ben@vela.example and the one at https://www.B.example/team");
        List<String> texts = spans.stream().map(Span::normalised).toList();
        assertTrue(texts.containsAll(List.of("ben ortiz", "vela", "ben@vela.example", "b.example")), texts.toString());
        assertFalse(texts.contains("vela ben") || texts.contains("ortiz from vela"), texts.toString());
        Span email = spans.stream().filter(span -> span.kind() == Span.Kind.EMAIL).findFirst().orElseThrow();
        assertEquals("ben@vela.example", "add Ben Ortiz from Vela, ben@vela.example".substring(email.start(), email.end()));
        assertEquals(Span.Kind.DOMAIN, spans.stream().filter(span -> span.text().equals("b.example")).findFirst()
                .orElseThrow().kind());
    }

    @Test
    void a_capitalised_common_word_mid_sentence_can_be_a_name_and_possessives_are_dropped() {
        assertTrue(texts("please call Will Smith today").contains("will smith"));
        assertFalse(texts("i will call jane").contains("will"));
        List<String> spans = texts("add Tom Reed, Grace's colleague at Orbitel");
        assertTrue(spans.containsAll(List.of("tom reed", "grace", "orbitel")), spans.toString());
        assertTrue(texts("show me deals over 100k").isEmpty(), texts("show me deals over 100k").toString());
    }

    @Test
    void small_words_stay_inside_a_name_only_when_names_have_them() {
        List<String> spans = texts("email Bank of America and ben at Procter and Gamble");
        assertTrue(spans.containsAll(List.of("bank of america", "procter and gamble")), spans.toString());
        assertFalse(spans.contains("america and ben") && spans.contains("ben at procter"), spans.toString());
        assertFalse(spans.contains("ben at procter"), spans.toString());
    }

    @Test
    void spans_keep_their_offsets_and_a_wordsmessage_is_capped() {
        String message = "Note on Priya Raman: prefers email";
        Span priya = MessageSpans.of(message).stream().filter(span -> span.normalised().equals("priya raman"))
                .findFirst().orElseThrow();
        assertEquals("Priya Raman", message.substring(priya.start(), priya.end()));
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 200; i++) words.append('k').append((char) ('a' + i / 26 % 26)).append((char) ('a' + i % 26)).append(' ');
        assertEquals(MessageSpans.MAX_SPANS, MessageSpans.of(words.toString()).size());
    }
}
