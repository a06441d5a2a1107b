package io.intelligencecrm.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.intelligencecrm.tools.analytics.AnalyticsTools;
import io.intelligencecrm.tools.audience.AudienceTools;
import io.intelligencecrm.tools.company.CompanyReadTools;
import io.intelligencecrm.tools.company.CompanyWriteTools;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.knowledge.KnowledgeTools;
import io.intelligencecrm.tools.outreach.OutreachReadTools;
import io.intelligencecrm.tools.outreach.OutreachWriteTools;
import io.intelligencecrm.tools.scoring.ScoringTools;
import io.intelligencecrm.tools.workflow.WorkflowTools;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The offline planner end to end over the tools' real specifications: the records matcher's answer
 * comes from a small directory, other tools answer as the tools module does. Today is Tuesday
 * 2026-11-24 (see {@link OfflineConversations#request}).
 */
class OfflinePlannerTest {
    private static final List<ToolSpecification> READ_TOOLS = Stream.of(OfflineConversations.specifications(
            ContactReadTools.class, CompanyReadTools.class, DealReadTools.class, AnalyticsTools.class, OutreachReadTools.class,
            KnowledgeTools.class, ScoringTools.class, AudienceTools.class), readNewTools()).flatMap(List::stream).toList();
    private static final List<ToolSpecification> ALL_TOOLS = Stream.of(READ_TOOLS, OfflineConversations.specifications(
            ContactWriteTools.class, CompanyWriteTools.class, DealWriteTools.class, OutreachWriteTools.class, WorkflowTools.class,
            NewTools.class))
            .flatMap(List::stream).distinct().toList();

    private static final OfflineModel MODEL = new OfflineModel();
    private final Directory directory = new Directory();
    private final Directory.Entry grace = directory.contact("Grace Liu", "grace.liu@orbitel.example", "Orbitel");
    private final Directory.Entry ben = directory.contact("Ben Ortiz", "ben@vela.example", "Vela Systems");
    private final Directory.Entry janePark = directory.contact("Jane Park", "jane.park@acme.example", "Acme Corporation");
    private final Directory.Entry janeMorrow = directory.contact("Jane Morrow", "jane.morrow@globex.example", "Globex");
    private final Directory.Entry priyaRaman = directory.contact("Priya Raman", "priya.raman@b.example", "Bexley Bank");
    private final Directory.Entry priyaShah = directory.contact("Priya Shah", "priya.shah@initech.example", "Initech");
    private final Directory.Entry orbitel = directory.company("Orbitel");
    private final Directory.Entry acme = directory.company("Acme Corporation");
    private final Directory.Entry acmeDeal = directory.deal("Acme Corporation - Renewal", "Acme Corporation, proposal");

    private static List<ToolSpecification> readNewTools() {
        return OfflineConversations.specifications(NewTools.class).stream().filter(spec -> List.of("matchRecords", "listTasks",
                "closedRevenue", "countRecords", "accountSummary", "staleContacts").contains(spec.name())).toList();
    }

    private Harness harness(List<ToolSpecification> tools) {
        return new Harness(MODEL, tools, directory, Map.of(
                "createContact", args -> {
                    Directory.Entry added = directory.contact(args.get("firstName") + " " + args.get("lastName"),
                            (String) args.get("email"), (String) args.get("companyName"));
                    return saved("contact", added.id(), added.name());
                },
                "logInteraction", args -> "{\"interactionId\":\"" + UUID.randomUUID() + "\",\"contactId\":\"" + args.get("contactId")
                        + "\",\"type\":\"" + args.get("type") + "\"}",
                "createDeal", args -> saved("deal", UUID.randomUUID(), String.valueOf(args.get("name"))),
                "updateContact", args -> "{\"result\":\"updated\",\"contact\":{\"id\":\"" + args.get("contactId") + "\"}}"));
    }

    private static String saved(String kind, UUID id, String name) {
        return "{\"result\":\"created\",\"" + kind + "\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}";
    }

    @Test
    void a_typo_and_an_address_still_add_the_contact_at_the_company_the_tenant_has() {
        directory.company("Vela Systems");
        Harness.Turn turn = harness(ALL_TOOLS).say("ad Ben Ortega from Vela, ben.ortega@vela.example");
        assertEquals(Map.of("firstName", "Ben", "lastName", "Ortega", "email", "ben.ortega@vela.example", "companyName",
                "Vela Systems"), turn.only("createContact").arguments());
    }

    @Test
    void company_and_title_said_after_commas_become_fields_not_a_note() {
        Harness.Turn turn = harness(ALL_TOOLS).say("add Tom Reed, Grace's colleague at Orbitel, tom.reed@orbitel.example, Head of IT");
        Map<String, Object> arguments = turn.only("createContact").arguments();
        assertEquals("Orbitel", arguments.get("companyName"));
        assertEquals("Head of IT", arguments.get("title"));
        assertEquals("tom.reed@orbitel.example", arguments.get("email"));
        assertFalse(String.valueOf(arguments.get("note")).contains("Head of IT"), arguments.toString());
    }

    @Test
    void a_meeting_logged_with_shorthand_takes_the_contact_the_time_and_the_topic() {
        Harness.Turn turn = harness(ALL_TOOLS).say("log meeting w/ jane park tmrw 3pm re: onboarding");
        assertEquals(Map.of("contactId", janePark.id().toString(), "type", "meeting", "content", "Meeting about onboarding",
                "occurredAt", "2026-11-25T15:00"), turn.only("logInteraction").arguments());
    }

    @Test
    void a_deal_for_a_contact_is_named_valued_and_dated_from_any_order() {
        Harness.Turn turn = harness(ALL_TOOLS).say("new deal for Grace Liu: Orbitel expansion, 20k, closing in 3 weeks");
        assertEquals(Map.of("name", "Orbitel expansion", "amount", "20000", "expectedCloseDate", "2026-12-15", "contactId",
                grace.id().toString()), turn.only("createDeal").arguments());
    }

    @Test
    void bump_moves_the_deal_the_company_name_points_to() {
        Harness.Turn turn = harness(ALL_TOOLS).say("bump the Acme deal to negotiation");
        assertEquals(Map.of("dealId", acmeDeal.id().toString(), "stage", "negotiation"), turn.only("moveDealStage").arguments());
    }

    @Test
    void a_first_name_shared_by_two_contacts_is_a_question_and_its_answers_pick_one() {
        for (String answer : List.of("Priya Raman", "no, I meant Priya Raman", "the one at b.example", "the 1st one")) {
            Harness harness = harness(ALL_TOOLS);
            Harness.Turn question = harness.say("log a call with priya: sent the pricing");
            assertFalse(question.wrote(), question.calls().toString());
            assertTrue(question.answer().contains("Which one do you mean?"), question.answer());
            Harness.Turn answered = harness.say(answer);
            assertEquals(priyaRaman.id().toString(), answered.only("logInteraction").arguments().get("contactId"), answer);
        }
    }

    @Test
    void a_contact_made_in_this_conversation_is_the_one_a_first_name_means() {
        Harness harness = harness(ALL_TOOLS);
        String kapoor = String.valueOf(harness.say("add Priya Kapoor from Initech, priya.kapoor@initech.example")
                .only("createContact").arguments().get("email"));
        Harness.Turn turn = harness.say("log a call with priya: intro call");
        assertEquals("priya.kapoor@initech.example", kapoor);
        assertEquals(directory.idOf("Priya Kapoor").toString(), turn.only("logInteraction").arguments().get("contactId"));
    }

    @Test
    void two_requests_in_one_message_run_in_order_and_the_second_uses_the_contact_the_first_made() {
        directory.company("Vela Systems");
        Harness.Turn turn = harness(ALL_TOOLS).say("add Ben Ortega from Vela Systems, ben.ortega@vela.example and set up a 3k deal");
        assertEquals("createContact", turn.calls().get(1).tool());
        Harness.Call deal = turn.only("createDeal");
        assertEquals("3000", deal.arguments().get("amount"));
        assertTrue(deal.arguments().containsKey("contactId"), deal.toString());
        assertTrue(turn.answer().lines().count() >= 2, turn.answer());
    }

    @Test
    void a_part_that_is_not_understood_is_named() {
        Harness.Turn turn = harness(ALL_TOOLS).say("log a call with ben ortiz: demo booked. and flibber the wibble");
        assertEquals(ben.id().toString(), turn.only("logInteraction").arguments().get("contactId"));
        assertTrue(turn.answer().contains("flibber the wibble"), turn.answer());
    }

    @Test
    void new_capabilities_become_their_tools() {
        Harness harness = harness(ALL_TOOLS);
        assertEquals(Map.of("title", "Follow up with Ben", "due", "2026-12-01", "contactId", ben.id().toString()),
                harness.say("remind me to follow up with Ben next Tuesday").only("createTask").arguments());
        assertEquals(Map.of("period", "last month", "mine", false),
                harness(ALL_TOOLS).say("how much did we close last month?").only("closedRevenue").arguments());
        assertEquals(Map.of("kind", "deals", "openOnly", true, "mine", true),
                harness(ALL_TOOLS).say("how many open deals do i have").only("countRecords").arguments());
        assertEquals(Map.of("companyId", acme.id().toString()),
                harness(ALL_TOOLS).say("what's going on with Acme?").only("accountSummary").arguments());
        assertEquals(Map.of("days", 30, "mine", true),
                harness(ALL_TOOLS).say("who haven't I talked to in a month?").only("staleContacts").arguments());
        assertEquals(Map.of("minAmount", "100000"), harness(ALL_TOOLS).say("show me deals over 100k").only("findDeals").arguments());
    }

    @Test
    void a_text_proposes_the_users_own_words_to_the_contact_named_before_them() {
        assertEquals(Map.of("contactId", grace.id().toString(), "body", "the demo moved to 3pm, tell Ben"),
                harness(ALL_TOOLS).say("send a text to Grace Liu saying \"the demo moved to 3pm, tell Ben\"").only("proposeSendSms").arguments());
        assertEquals(Map.of("contactId", ben.id().toString(), "body", "running 5 minutes late"),
                harness(ALL_TOOLS).say("text Ben Ortiz: running 5 minutes late").only("proposeSendSms").arguments());
    }

    @Test
    void no_i_meant_the_other_jane_moves_the_call_just_logged() {
        Harness harness = harness(ALL_TOOLS);
        Harness.Turn logged = harness.say("log a call with jane park: asked for the security pack");
        assertEquals(janePark.id().toString(), logged.only("logInteraction").arguments().get("contactId"));
        Harness.Turn moved = harness.say("no, I meant the other Jane");
        assertEquals(janeMorrow.id().toString(), moved.only("moveInteraction").arguments().get("contactId"));
        assertTrue(moved.only("moveInteraction").arguments().containsKey("interactionId"));
    }

    @Test
    void follow_ups_change_the_contact_just_made_and_undo_undoes() {
        Harness harness = harness(ALL_TOOLS);
        harness.say("add Sarah Connor from Skynet, sarah@skynet.example");
        UUID sarah = directory.idOf("Sarah Connor");
        assertEquals(Map.of("contactId", sarah.toString(), "title", "VP of Engineering"),
                harness.say("she's the VP of Engineering").only("updateContact").arguments());
        assertEquals(Map.of("contactId", sarah.toString(), "email", "sarah.connor@skynet.example"),
                harness.say("sorry, her email is sarah.connor@skynet.example").only("updateContact").arguments());
        assertEquals(Map.of(), harness.say("undo that").only("undoLastChange").arguments());
    }

    @Test
    void a_recurring_request_proposes_a_workflow_and_never_runs_the_report_once() {
        Harness.Turn turn = harness(ALL_TOOLS).say("every Monday 9am email me my stale deals");
        assertEquals(List.of("proposeWorkflow"), turn.calls().stream().map(Harness.Call::tool).filter(tool -> !tool.equals("matchRecords"))
                .toList());
        assertTrue(String.valueOf(turn.only("proposeWorkflow").arguments().get("definition")).contains("0 0 9 ? * MON"));
    }

    @Test
    void greetings_and_help_say_what_it_can_do_without_tools() {
        for (String text : List.of("hi", "what can you do?")) {
            Harness.Turn turn = harness(ALL_TOOLS).say(text);
            assertTrue(turn.calls().stream().allMatch(call -> call.tool().equals("matchRecords")), turn.calls().toString());
            assertTrue(turn.answer().contains("offline"), turn.answer());
        }
    }

    @Test
    void a_message_that_asks_for_nothing_clear_gets_a_question_not_a_write() {
        for (String text : List.of("acme 50k", "should I move jane park to qualified?", "don't log anything for ben yet")) {
            Harness.Turn turn = harness(ALL_TOOLS).say(text);
            assertFalse(turn.wrote(), text + " -> " + turn.calls());
        }
    }

    @Test
    void a_viewer_asking_for_a_change_is_refused_before_any_lookup() {
        Harness.Turn turn = harness(READ_TOOLS).say("log a call with Grace Liu: discussed the renewal");
        assertFalse(turn.wrote());
        assertTrue(turn.answer().startsWith("Your role cannot log interactions"), turn.answer());
    }

    @Test
    void approve_with_nothing_waiting_says_so() {
        Harness.Turn turn = harness(ALL_TOOLS).say("approve");
        assertTrue(turn.calls().isEmpty(), turn.calls().toString());
        assertTrue(turn.answer().startsWith("Nothing is waiting for your approval"), turn.answer());
    }

    @Test
    void unknown_text_gets_help_with_examples() {
        Harness.Turn turn = harness(ALL_TOOLS).say("what is the meaning of life");
        assertTrue(turn.answer().startsWith("I'm in offline mode"), turn.answer());
        assertTrue(turn.answer().lines().filter(line -> line.startsWith("- ")).count() == 3, turn.answer());
    }
}
