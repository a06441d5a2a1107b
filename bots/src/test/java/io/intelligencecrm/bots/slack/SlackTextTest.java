package io.intelligencecrm.bots.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.tools.TableResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void model_markup_and_broadcast_mentions_are_shown_as_text() {
        assertEquals("&lt;b&gt;hi&lt;/b&gt; &amp; &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil|click&gt;",
                SlackText.mrkdwn("<b>hi</b> & <!channel> <!here> <@U123> <https://evil|click>"));
    }

    @Test
    void markdown_becomes_mrkdwn_outside_code() {
        assertEquals("*Deals*\n• *Acme* renewal\n• <https://crm.example/deals/1|open it>\n```\n**not bold**\n```",
                SlackText.mrkdwn("## Deals\n- **Acme** renewal\n- [open it](https://crm.example/deals/1)\n```\n**not bold**\n```"));
    }

    @Test
    void only_http_links_become_links() {
        assertEquals("[x](javascript:alert(1))", SlackText.mrkdwn("[x](javascript:alert(1))"));
    }

    @Test
    void a_markdown_table_becomes_an_aligned_code_block() {
        assertEquals("Top deals:\n```\nDeal    Amount\nAcme    5000\nGlobex  12000\n```\nThat is all.",
                SlackText.mrkdwn("Top deals:\n| Deal | Amount |\n|---|---:|\n| Acme | 5000 |\n| Globex | 12000 |\nThat is all."));
    }

    @Test
    void a_tool_table_leaves_out_ids_and_says_how_many_more_exist() {
        TableResult table = new TableResult("Contacts <all>", List.of("id", "name", "stage"),
                List.of(List.of("7f0c", "Jane <Doe>", "lead"), List.of("8a1d", "Sam", "customer")), "table", 25, "");
        String text = SlackText.table(table);
        assertEquals("*Contacts &lt;all&gt;*\n```\nname        stage\nJane &lt;Doe&gt;  lead\nSam         customer\n```"
                + "\n_23 more not shown_", text);
        assertFalse(text.contains("7f0c"));
    }

    @Test
    void what_a_person_typed_is_read_back_from_slack_encoding() {
        assertEquals("add Jo from A&B, jo@ab.example, see https://ab.example <now>",
                SlackText.plain("add Jo from A&amp;B, <mailto:jo@ab.example|jo@ab.example>, see <https://ab.example> &lt;now&gt;"));
    }

    @Test
    void a_very_long_answer_is_shortened_without_leaving_a_code_block_open() {
        String text = SlackText.mrkdwn("```\n" + "row\n".repeat(5000) + "```");
        assertTrue(text.length() < SlackText.MAX_MESSAGE_CHARS + 100);
        assertEquals(0, (text.split("```", -1).length - 1) % 2);
    }
}
