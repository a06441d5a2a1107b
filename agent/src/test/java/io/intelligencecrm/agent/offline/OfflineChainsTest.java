package io.intelligencecrm.agent.offline;

import static io.intelligencecrm.agent.offline.OfflineConversations.request;
import static io.intelligencecrm.agent.offline.OfflineConversations.onlyCall;
import static io.intelligencecrm.agent.offline.OfflineConversations.arguments;
import static io.intelligencecrm.agent.offline.OfflineConversations.contacts;
import static io.intelligencecrm.agent.offline.OfflineConversations.deals;
import static io.intelligencecrm.agent.offline.OfflineConversations.json;
import static io.intelligencecrm.agent.offline.OfflineConversations.specifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.outreach.EmailDraft;
import io.intelligencecrm.tools.outreach.OutreachReadTools;
import io.intelligencecrm.tools.outreach.OutreachWriteTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plans of several steps, deal lookups and references back to earlier results, against the real tools. */
class OfflineChainsTest {
    private static final List<ToolSpecification> READ_TOOLS = specifications(ContactReadTools.class,
            DealReadTools.class, OutreachReadTools.class);
    private static final List<ToolSpecification> ALL_TOOLS = Stream.concat(READ_TOOLS.stream(),
            specifications(ContactWriteTools.class, DealWriteTools.class, OutreachWriteTools.class).stream()).toList();

    private final OfflineModel model = new OfflineModel();

    static Stream<Arguments> deal_commands_find_the_deal_then_act() {
        return Stream.of(
                Arguments.of("move the Acme renewal deal to negotiation", "moveDealStage", Map.of("stage", "negotiation")),
                Arguments.of("mark the Acme renewal deal as won", "markDealWon", Map.of()),
                Arguments.of("mark the Acme renewal deal as lost because of price", "markDealLost",
                        Map.of("reason", "price")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void deal_commands_find_the_deal_then_act(String text, String tool, Map<String, Object> expected) {
        UserMessage user = UserMessage.from(text);
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        ToolExecutionRequest find = onlyCall(first);
        assertEquals("findDeals", find.name());
        assertEquals(Map.of("query", "Acme renewal"), arguments(find));
        UUID id = UUID.randomUUID();
        ToolExecutionRequest act = onlyCall(model.chat(request(ALL_TOOLS, user, first,
                ToolExecutionResultMessage.from(find, deals(id)))).aiMessage());
        assertEquals(tool, act.name());
        Map<String, Object> all = new java.util.HashMap<>(expected);
        all.put("dealId", id.toString());
        assertEquals(all, arguments(act));
    }

    @Test
    void several_matching_deals_become_a_question() {
        UserMessage user = UserMessage.from("mark the Acme deal as won");
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        AiMessage reply = model.chat(request(ALL_TOOLS, user, first, ToolExecutionResultMessage.from(onlyCall(first),
                deals(UUID.randomUUID(), UUID.randomUUID())))).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().startsWith("Several deals match \"Acme\""), reply.text());
    }

    @Test
    void a_deal_with_a_contact_finds_the_contact_and_resolves_the_close_date_from_today() {
        UserMessage user = UserMessage.from("create a deal Acme renewal $5k with Jane Doe closing end of month");
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        ToolExecutionRequest search = onlyCall(first);
        assertEquals(Map.of("query", "Jane Doe"), arguments(search));
        UUID jane = UUID.randomUUID();
        ToolExecutionRequest create = onlyCall(model.chat(request(ALL_TOOLS, user, first,
                ToolExecutionResultMessage.from(search, contacts(jane)))).aiMessage());
        assertEquals("createDeal", create.name());
        assertEquals(Map.of("name", "Acme renewal", "amount", "5000", "currency", "USD",
                "expectedCloseDate", "2026-11-30", "contactId", jane.toString()), arguments(create));
    }

    @Test
    void email_finds_drafts_then_proposes_the_draft_and_says_it_waits_for_approval() {
        UserMessage user = UserMessage.from("email Jane Doe about the demo next week");
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        ToolExecutionResultMessage found = ToolExecutionResultMessage.from(onlyCall(first), contacts(JANE));
        AiMessage second = model.chat(request(ALL_TOOLS, user, first, found)).aiMessage();
        ToolExecutionRequest draft = onlyCall(second);
        assertEquals("draftEmail", draft.name());
        assertEquals(Map.of("contactId", JANE.toString(), "purpose", "the demo next week"), arguments(draft));

        ToolExecutionResultMessage drafted = ToolExecutionResultMessage.from(draft, json(new EmailDraft(JANE,
                "Jane Doe", "jane@acme.com", "The demo next week - Acme", "Hi Jane,\n\nAbout the demo.", "Draft only")));
        AiMessage third = model.chat(request(ALL_TOOLS, user, first, found, second, drafted)).aiMessage();
        ToolExecutionRequest propose = onlyCall(third);
        assertEquals("proposeSendEmail", propose.name());
        assertEquals(Map.of("contactId", JANE.toString(), "subject", "The demo next week - Acme",
                "body", "Hi Jane,\n\nAbout the demo."), arguments(propose));

        String proposal = "{\"proposalId\":\"" + UUID.randomUUID() + "\",\"action\":\"email.send\",\"summary\":"
                + "\"Send \\\"The demo next week - Acme\\\" to Jane Doe <jane@acme.com>\",\"status\":\"PROPOSED\"}";
        AiMessage answer = model.chat(request(ALL_TOOLS, user, first, found, second, drafted, third,
                ToolExecutionResultMessage.from(propose, proposal))).aiMessage();
        assertFalse(answer.hasToolExecutionRequests());
        assertTrue(answer.text().contains("proposal waiting for your approval"), answer.text());
    }

    @Test
    void text_finds_the_contact_then_proposes_the_users_own_words() {
        UserMessage user = UserMessage.from("send a text to Jane Doe saying \"the demo moved to 3pm\"");
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        assertEquals("searchContacts", onlyCall(first).name());
        ToolExecutionResultMessage found = ToolExecutionResultMessage.from(onlyCall(first), contacts(JANE));
        ToolExecutionRequest propose = onlyCall(model.chat(request(ALL_TOOLS, user, first, found)).aiMessage());
        assertEquals("proposeSendSms", propose.name());
        assertEquals(Map.of("contactId", JANE.toString(), "body", "the demo moved to 3pm"), arguments(propose));
        AiMessage colon = model.chat(request(ALL_TOOLS, UserMessage.from("text Jane Doe: running 5 minutes late")))
                .aiMessage();
        assertEquals("searchContacts", onlyCall(colon).name());
    }

    @Test
    void commands_about_every_record_are_not_understood() {
        for (String text : List.of("delete all contacts now", "email every contact about pricing")) {
            AiMessage reply = model.chat(request(ALL_TOOLS, UserMessage.from(text))).aiMessage();
            assertFalse(reply.hasToolExecutionRequests(), text);
            assertTrue(reply.text().startsWith("I'm in offline mode"), reply.text());
        }
    }

    @Test
    void a_viewer_asking_to_email_is_refused_before_any_lookup() {
        AiMessage reply = model.chat(request(READ_TOOLS, UserMessage.from("email Jane Doe about pricing"))).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().startsWith("Your role cannot send emails"), reply.text());
    }

    @Test
    void her_after_one_contact_was_created_uses_that_contact_without_a_lookup() {
        List<ChatMessage> earlier = earlierTurn("add Jane Doe, jane@acme.com", "createContact",
                "{\"result\":\"created\",\"contact\":{\"id\":\"" + JANE + "\",\"name\":\"Jane Doe\"}}");
        ToolExecutionRequest log = onlyCall(next(earlier, "log a call with her: talked pricing"));
        assertEquals("logInteraction", log.name());
        assertEquals(Map.of("contactId", JANE.toString(), "type", "call", "content", "talked pricing"), arguments(log));
    }

    @Test
    void him_after_one_contact_was_found_moves_that_contact() {
        List<ChatMessage> earlier = earlierTurn("find Jane", "searchContacts", contacts(JANE));
        ToolExecutionRequest move = onlyCall(next(earlier, "move him to qualified"));
        assertEquals(Map.of("contactId", JANE.toString(), "stage", "qualified"), arguments(move));
    }

    @Test
    void moving_a_group_finds_it_then_changes_every_contact_found() {
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UserMessage user = UserMessage.from("move all leads at Acme to qualified");
        AiMessage search = model.chat(request(ALL_TOOLS, user)).aiMessage();
        assertEquals(Map.of("stage", "lead", "companyName", "Acme"), arguments(onlyCall(search)));

        AiMessage change = model.chat(request(ALL_TOOLS, user, search, ToolExecutionResultMessage.from(onlyCall(search),
                contacts(JANE, second, third)))).aiMessage();
        assertEquals("bulkChangeContactStage", onlyCall(change).name());
        assertEquals(Map.of("contactIds", List.of(JANE.toString(), second.toString(), third.toString()),
                "stage", "qualified"), arguments(onlyCall(change)));
    }

    @Test
    void drafting_for_a_group_drafts_one_email_per_matching_contact() {
        AiMessage draft = model.chat(request(ALL_TOOLS,
                UserMessage.from("draft emails to all customers at Acme about the renewal"))).aiMessage();
        assertEquals("draftEmailsForContacts", onlyCall(draft).name());
        assertEquals(Map.of("stage", "customer", "query", "Acme", "purpose", "the renewal"),
                arguments(onlyCall(draft)));
    }

    @Test
    void tell_me_about_finds_the_contact_then_reads_its_card() {
        List<ChatMessage> earlier = earlierTurn("tell me about Jane", "searchContacts", contacts(JANE));
        ToolExecutionRequest card = onlyCall(next(earlier, "tell me about her"));
        assertEquals("getContact", card.name());
        assertEquals(Map.of("contactIdOrEmail", JANE.toString()), arguments(card));
    }

    @Test
    void that_deal_and_it_use_the_one_deal_found_before() {
        UUID deal = UUID.randomUUID();
        List<ChatMessage> earlier = earlierTurn("find the Acme renewal deal", "findDeals", deals(deal));

        ToolExecutionRequest move = onlyCall(next(earlier, "move that deal to negotiation"));
        assertEquals("moveDealStage", move.name());
        assertEquals(Map.of("dealId", deal.toString(), "stage", "negotiation"), arguments(move));
        ToolExecutionRequest won = onlyCall(next(earlier, "mark it as won"));
        assertEquals("markDealWon", won.name());
        assertEquals(Map.of("dealId", deal.toString()), arguments(won));
    }

    @Test
    void email_her_starts_with_the_draft() {
        List<ChatMessage> earlier = earlierTurn("find Jane", "searchContacts", contacts(JANE));
        ToolExecutionRequest draft = onlyCall(next(earlier, "email her about pricing"));
        assertEquals("draftEmail", draft.name());
        assertEquals(Map.of("contactId", JANE.toString(), "purpose", "pricing"), arguments(draft));
    }

    @Test
    void the_second_one_picks_the_second_row_of_the_last_list() {
        UUID second = UUID.randomUUID();
        List<ChatMessage> earlier = earlierTurn("find Acme", "searchContacts", contacts(JANE, second, UUID.randomUUID()));
        ToolExecutionRequest move = onlyCall(next(earlier, "move the second one to customer"));
        assertEquals(Map.of("contactId", second.toString(), "stage", "customer"), arguments(move));
    }

    @Test
    void the_second_one_answers_the_question_about_several_matches() {
        UUID second = UUID.randomUUID();
        List<ChatMessage> earlier = earlierTurn("log a call with Jane: asked for a quote", "searchContacts",
                contacts(JANE, second));
        ToolExecutionRequest log = onlyCall(next(earlier, "the second one"));
        assertEquals(Map.of("contactId", second.toString(), "type", "call", "content", "asked for a quote"),
                arguments(log));
    }

    @Test
    void a_pronoun_after_a_list_of_several_is_a_question() {
        List<ChatMessage> earlier = earlierTurn("find Acme", "searchContacts", contacts(JANE, UUID.randomUUID()));
        AiMessage reply = next(earlier, "move her to qualified");
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().contains("lists 2 contacts"), reply.text());
    }

    @Test
    void a_pronoun_with_nothing_earlier_is_a_question() {
        AiMessage reply = next(List.of(), "move her to qualified");
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().startsWith("I don't know which contact \"her\" is"), reply.text());
    }

    @Test
    void an_ordinal_past_the_end_of_the_list_is_a_question() {
        List<ChatMessage> earlier = earlierTurn("find Acme", "searchContacts", contacts(JANE));
        AiMessage reply = next(earlier, "delete the third one");
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().contains("no third one"), reply.text());
    }

    @Test
    void amounts_and_relative_dates() {
        assertEquals(new Amounts.Amount("5000", "USD", "$5k"), Amounts.find("Acme $5k"));
        assertEquals("12500", Amounts.find("pilot 12.5k").amount());
        assertEquals("EUR", Amounts.find("5,000 EUR").currency());
        assertEquals(null, Amounts.find("in 2 weeks"));
        java.time.LocalDate tuesday = java.time.LocalDate.parse("2026-11-24");
        assertEquals("2026-11-30", RelativeDates.resolve("next Monday", tuesday));
        assertEquals("2026-12-08", RelativeDates.resolve("in 2 weeks", tuesday));
        assertEquals("2026-12-31", RelativeDates.resolve("end of next month", tuesday));
        assertEquals("2026-12-31", RelativeDates.resolve("end of quarter", tuesday));
        assertEquals("next month", RelativeDates.resolve("next month", tuesday));
    }

    private static final UUID JANE = UUID.randomUUID();

    private AiMessage next(List<ChatMessage> earlier, String text) {
        List<ChatMessage> all = new ArrayList<>(earlier);
        all.add(UserMessage.from(text));
        return model.chat(request(ALL_TOOLS, all.toArray(ChatMessage[]::new))).aiMessage();
    }

    /** A finished earlier turn: the command, its one tool call and result, and the answer. */
    private static List<ChatMessage> earlierTurn(String text, String tool, String result) {
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("t1").name(tool).arguments("{}").build();
        return List.of(UserMessage.from(text), AiMessage.from(List.of(call)),
                ToolExecutionResultMessage.from(call, result), AiMessage.from("Done."));
    }
}
