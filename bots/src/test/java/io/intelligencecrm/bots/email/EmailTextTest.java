package io.intelligencecrm.bots.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailTextTest {

    @Test
    void the_new_part_stops_at_the_quoted_history_and_the_signature() {
        assertEquals("approve", EmailText.newPart("approve\r\n\r\nOn Tue, 24 Nov 2026, CRM <crm@x.example> wrote:\r\n"
                + "> Waiting for your approval\r\n", null));
        assertEquals("yes please", EmailText.newPart("yes please\n-- \nJordan\nSales", null));
        assertEquals("ok", EmailText.newPart("ok\n\n-----Original Message-----\nFrom: someone", null));
        assertEquals("first\nthird", EmailText.newPart("first\n> second\nthird", null));
    }

    @Test
    void html_only_mail_is_read_as_text() {
        assertEquals("show my open deals", EmailText.newPart(null,
                "<html><style>p{}</style><body><p>show my&nbsp;open deals</p></body></html>").replace('\u00a0', ' '));
    }

    @Test
    void html_entities_of_every_kind_are_decoded() {
        assertEquals("Jordan’s deals & café <notes> \"now\"", EmailText.newPart(null,
                "<p>Jordan&#8217;s deals &amp; caf&eacute; &lt;notes&gt; &#x22;now&quot;</p>"));
    }

    @Test
    void breaks_and_blocks_end_lines_and_scripts_are_dropped() {
        assertEquals("approve\nthanks\nJordan", EmailText.newPart(null,
                "<div>approve</div><script>alert('x')</script><p>thanks<br>Jordan</p>"));
        assertEquals("approve", EmailText.newPart(null,
                "<div>approve</div><div>On Tue, 24 Nov 2026, CRM wrote:</div><blockquote>old</blockquote>"));
    }

    @Test
    void an_empty_body_uses_the_subject_without_reply_prefixes() {
        InboundEmail email = new InboundEmail("a@b.example", null, java.util.List.of("bot@x.example"),
                "Re: Fwd: show my open deals", "", null, "<1@b>", null, null, null, false);
        assertEquals("show my open deals", EmailText.command(email));
    }

    @Test
    void a_reply_subject_says_re_once() {
        assertEquals("Re: Deals", EmailText.replySubject("Deals"));
        assertEquals("RE: Deals", EmailText.replySubject("RE: Deals"));
        assertEquals("Re: your message", EmailText.replySubject(" "));
    }

    @Test
    void threads_are_keyed_by_their_first_message() {
        InboundEmail first = new InboundEmail("a@b.example", null, null, "s", "t", null, "<1@b>", null, null, null,
                false);
        InboundEmail reply = new InboundEmail("a@b.example", null, null, "s", "t", null, "<3@b>", "<2@x>",
                java.util.List.of("<1@b>", "<2@x>"), null, false);
        assertEquals("<1@b>", first.threadRoot());
        assertEquals("<1@b>", reply.threadRoot());
        assertEquals("<1@b> <2@x> <3@b>", reply.referencesOfReply());
        assertEquals("bot@x.example", BotAddress.base("Bot+Abc123@X.example"));
        assertEquals("abc123", BotAddress.tag("bot+abc123@x.example"));
    }
}
