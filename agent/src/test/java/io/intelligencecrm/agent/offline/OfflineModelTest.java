package io.intelligencecrm.agent.offline;

import static io.intelligencecrm.agent.offline.OfflineConversations.request;
import static io.intelligencecrm.agent.offline.OfflineConversations.onlyCall;
import static io.intelligencecrm.agent.offline.OfflineConversations.arguments;
import static io.intelligencecrm.agent.offline.OfflineConversations.contacts;
import static io.intelligencecrm.agent.offline.OfflineConversations.json;
import static io.intelligencecrm.agent.offline.OfflineConversations.specifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.analytics.AnalyticsTools;
import io.intelligencecrm.tools.audience.AudienceTools;
import io.intelligencecrm.tools.company.CompanyReadTools;
import io.intelligencecrm.tools.company.CompanyWriteTools;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import io.intelligencecrm.tools.knowledge.KnowledgeTools;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.outreach.OutreachReadTools;
import io.intelligencecrm.tools.outreach.OutreachWriteTools;
import io.intelligencecrm.tools.scoring.ScoringTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The offline planner against the real tool specifications a rep and a viewer are offered. */
class OfflineModelTest {
    private static final List<ToolSpecification> READ_TOOLS = specifications(ContactReadTools.class,
            CompanyReadTools.class, DealReadTools.class, AnalyticsTools.class, OutreachReadTools.class,
            KnowledgeTools.class, ScoringTools.class, AudienceTools.class);
    private static final List<ToolSpecification> ALL_TOOLS = Stream.concat(READ_TOOLS.stream(),
            specifications(ContactWriteTools.class, CompanyWriteTools.class, DealWriteTools.class,
                    OutreachWriteTools.class).stream()).toList();

    private final OfflineModel model = new OfflineModel();

    static Stream<Arguments> single_call_commands() {
        return Stream.of(
                Arguments.of("add Jane Doe from Acme, jane@acme.com, she asked for pricing", "createContact",
                        Map.of("firstName", "Jane", "lastName", "Doe", "companyName", "Acme",
                                "email", "jane@acme.com", "note", "she asked for pricing")),
                Arguments.of("add Sam Reed from Closing Bell, sam@closingbell.com", "createContact",
                        Map.of("firstName", "Sam", "lastName", "Reed", "companyName", "Closing Bell",
                                "email", "sam@closingbell.com")),
                Arguments.of("add Lee Park, lee@park.io, wants to see the pipeline report", "createContact",
                        Map.of("firstName", "Lee", "lastName", "Park", "email", "lee@park.io",
                                "note", "wants to see the pipeline report")),
                Arguments.of("new contact: jo@example.com", "createContact", Map.of("email", "jo@example.com")),
                Arguments.of("find Acme", "searchContacts", Map.of("query", "Acme")),
                Arguments.of("find company Acme", "findCompanies", Map.of("query", "Acme")),
                Arguments.of("list companies", "findCompanies", Map.of()),
                Arguments.of("show deals for Globex", "findDeals", Map.of("query", "Globex")),
                Arguments.of("show my open deals", "findDeals", Map.of("onlyMine", true, "openOnly", true)),
                Arguments.of("show me the pipeline", "pipelineByStage", Map.of()),
                Arguments.of("new leads this week", "newLeads", Map.of("period", "this week")),
                Arguments.of("deals closing this month", "dealsClosing", Map.of("period", "this month")),
                Arguments.of("which deals went quiet in the last 14 days?", "staleDeals", Map.of("days", 14)),
                Arguments.of("activity by rep last month", "activityByRep", Map.of("period", "last month")),
                Arguments.of("conversion by source this quarter", "conversionBySource",
                        Map.of("period", "this quarter")),
                Arguments.of("new deal Acme renewal for 5000 USD", "createDeal",
                        Map.of("name", "Acme renewal", "amount", "5000", "currency", "USD")),
                Arguments.of("add a deal Globex expansion for 5,000 EUR", "createDeal",
                        Map.of("name", "Globex expansion", "amount", "5000", "currency", "EUR")),
                Arguments.of("new deal Initech pilot 12.5k", "createDeal",
                        Map.of("name", "Initech pilot", "amount", "12500")),
                Arguments.of("create a deal Umbrella audit $5k closing in 2 weeks", "createDeal",
                        Map.of("name", "Umbrella audit", "amount", "5000", "currency", "USD",
                                "expectedCloseDate", "2026-12-08")),
                Arguments.of("new deal Hooli rollout closing next Monday", "createDeal",
                        Map.of("name", "Hooli rollout", "expectedCloseDate", "2026-11-30")),
                Arguments.of("add company Initech, initech.example", "createCompany",
                        Map.of("name", "Initech", "domain", "initech.example")),
                Arguments.of("add company Globex, globex.example, Manufacturing", "createCompany",
                        Map.of("name", "Globex", "domain", "globex.example", "industry", "Manufacturing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void single_call_commands(String text, String tool, Map<String, Object> arguments) {
        ToolExecutionRequest call = onlyCall(model.chat(request(ALL_TOOLS, UserMessage.from(text))).aiMessage());
        assertEquals(tool, call.name());
        assertEquals(arguments, arguments(call));
    }

    @Test
    void every_documented_example_is_understood() {
        for (String example : OfflineReplies.EXAMPLES) {
            AiMessage reply = model.chat(request(ALL_TOOLS, UserMessage.from(example))).aiMessage();
            assertTrue(reply.hasToolExecutionRequests(), example + " -> " + reply.text());
        }
    }

    static Stream<Arguments> lookup_then_act_commands() {
        return Stream.of(
                Arguments.of("log a call with Jane Doe: discussed the renewal", "Jane Doe", "logInteraction",
                        Map.of("type", "call", "content", "discussed the renewal")),
                Arguments.of("log a meeting with Mary-Jane Watson: demo went well", "Mary-Jane Watson",
                        "logInteraction", Map.of("type", "meeting", "content", "demo went well")),
                Arguments.of("log a note for Jane Doe", "Jane Doe", "logInteraction",
                        Map.of("type", "note", "content", "note with Jane Doe")),
                Arguments.of("move Jane Doe to qualified", "Jane Doe", "changeContactStage",
                        Map.of("stage", "qualified")),
                Arguments.of("assign Jane Doe to sam@demo.example", "Jane Doe", "assignContactOwner",
                        Map.of("ownerEmail", "sam@demo.example")),
                Arguments.of("delete Jane Doe", "Jane Doe", "deleteContact", Map.of()),
                Arguments.of("change Jane Doe's title to CTO", "Jane Doe", "updateContact", Map.of("title", "CTO")),
                Arguments.of("set Jane Doe's phone to +1 555 0100", "Jane Doe", "updateContact",
                        Map.of("phone", "+1 555 0100")),
                Arguments.of("draft a follow-up to Jane Doe about pricing", "Jane Doe", "draftEmail",
                        Map.of("purpose", "a follow-up about pricing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void lookup_then_act_commands(String text, String who, String followUp, Map<String, Object> followUpArguments) {
        UserMessage user = UserMessage.from(text);
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        ToolExecutionRequest search = onlyCall(first);
        assertEquals("searchContacts", search.name());
        assertEquals(Map.of("query", who), arguments(search));

        UUID id = UUID.randomUUID();
        ToolExecutionResultMessage found = ToolExecutionResultMessage.from(search, contacts(id));
        ToolExecutionRequest act = onlyCall(model.chat(request(ALL_TOOLS, user, first, found)).aiMessage());
        assertEquals(followUp, act.name());
        Map<String, Object> expected = new java.util.HashMap<>(followUpArguments);
        expected.put("contactId", id.toString());
        assertEquals(expected, arguments(act));
    }

    @Test
    void several_matching_contacts_become_a_question_instead_of_a_call() {
        UserMessage user = UserMessage.from("log a call with Jane: discussed the renewal");
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        ToolExecutionResultMessage found = ToolExecutionResultMessage.from(onlyCall(first),
                contacts(UUID.randomUUID(), UUID.randomUUID()));
        AiMessage reply = model.chat(request(ALL_TOOLS, user, first, found)).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().contains("Which one do you mean?"), reply.text());
        assertTrue(reply.text().contains("\"Jane\""), reply.text());
    }

    @Test
    void no_matching_contact_is_said_plainly() {
        UserMessage user = UserMessage.from("move Nobody Known to customer");
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        ToolExecutionResultMessage found = ToolExecutionResultMessage.from(onlyCall(first), contacts());
        AiMessage reply = model.chat(request(ALL_TOOLS, user, first, found)).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().startsWith("I could not find anyone matching \"Nobody Known\""), reply.text());
    }

    @Test
    void after_the_last_tool_result_the_answer_is_written_from_it() {
        UserMessage user = UserMessage.from("show me the pipeline");
        AiMessage first = model.chat(request(ALL_TOOLS, user)).aiMessage();
        String table = json(new TableResult("Pipeline by stage", List.of("stage", "deals"),
                List.of(List.of("proposal", 3), List.of("won", 2)), "bar", 2, ""));
        AiMessage reply = model.chat(request(ALL_TOOLS, user, first,
                ToolExecutionResultMessage.from(onlyCall(first), table))).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertEquals("Pipeline by stage — proposal: 3 deals; won: 2 deals.", reply.text());
    }

    @Test
    void a_viewer_asking_to_add_a_contact_gets_a_polite_refusal_and_no_call() {
        AiMessage reply = model.chat(request(READ_TOOLS,
                UserMessage.from("add Jane Doe from Acme, jane@acme.com"))).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertEquals("Your role cannot create contacts, so I did not try. Ask a manager or an admin if it needs doing.",
                reply.text());
    }

    @Test
    void a_viewer_asking_to_log_a_call_is_refused_before_any_lookup() {
        AiMessage reply = model.chat(request(READ_TOOLS,
                UserMessage.from("log a call with Jane Doe: discussed the renewal"))).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().startsWith("Your role cannot log interactions"), reply.text());
    }

    @Test
    void a_viewer_may_still_read() {
        ToolExecutionRequest call = onlyCall(model.chat(request(READ_TOOLS,
                UserMessage.from("show me the pipeline"))).aiMessage());
        assertEquals("pipelineByStage", call.name());
    }

    @Test
    void approve_with_nothing_waiting_says_so_and_calls_nothing() {
        for (String text : List.of("approve", "Reject.", "yes, send it")) {
            AiMessage reply = model.chat(request(ALL_TOOLS, UserMessage.from(text))).aiMessage();
            assertFalse(reply.hasToolExecutionRequests(), text);
            assertTrue(reply.text().startsWith("Nothing is waiting for your approval"), reply.text());
        }
    }

    @Test
    void unknown_text_gets_the_help_with_three_examples() {
        AiMessage reply = model.chat(request(ALL_TOOLS, UserMessage.from("what is the meaning of life"))).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().startsWith("I'm in offline mode"), reply.text());
        List<String> examples = reply.text().lines().filter(line -> line.startsWith("- ")).map(l -> l.substring(2))
                .toList();
        assertEquals(3, examples.size(), reply.text());
        assertTrue(OfflineReplies.EXAMPLES.containsAll(examples), examples.toString());
    }

    @Test
    void help_offers_the_examples_closest_to_what_was_typed() {
        AiMessage reply = model.chat(request(ALL_TOOLS, UserMessage.from("please tell me about a renewal call")))
                .aiMessage();
        assertTrue(reply.text().contains("- log a call with Jane Doe: discussed the renewal"), reply.text());
    }

    @Test
    void streaming_emits_partial_tokens_that_concatenate_to_the_full_text() throws Exception {
        StreamedReply streamed = stream(request(ALL_TOOLS, UserMessage.from("tell me a joke")));
        assertTrue(streamed.partials().size() > 5, streamed.partials().toString());
        assertEquals(streamed.response().aiMessage().text(), String.join("", streamed.partials()));
    }

    @Test
    void streaming_a_tool_call_emits_no_tokens_and_completes_with_the_call() throws Exception {
        StreamedReply streamed = stream(request(ALL_TOOLS, UserMessage.from("find Acme")));
        assertEquals(List.of(), streamed.partials());
        assertEquals("searchContacts", onlyCall(streamed.response().aiMessage()).name());
    }

    private record StreamedReply(List<String> partials, ChatResponse response) {
    }

    private StreamedReply stream(ChatRequest request) throws Exception {
        List<String> partials = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return new StreamedReply(partials, done.get(5, TimeUnit.SECONDS));
    }
}
