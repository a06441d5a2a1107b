package io.intelligencecrm.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Other words and word orders for the same commands: the plan's last call, its arguments and whom it looks up. */
class PhrasingsTest {
    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");

    static Stream<Arguments> the_same_command_said_another_way() {
        return Stream.of(
                Arguments.of("I just called Jane Doe, she wants a demo", "Jane Doe", "logInteraction",
                        Map.of("type", "call", "content", "she wants a demo")),
                Arguments.of("called Jane Doe yesterday about the renewal", "Jane Doe", "logInteraction",
                        Map.of("type", "call", "content", "Call about the renewal", "occurredAt", "yesterday")),
                Arguments.of("Had a meeting with Jane Doe about pricing", "Jane Doe", "logInteraction",
                        Map.of("type", "meeting", "content", "Meeting about pricing")),
                Arguments.of("note on Jane Doe: prefers email", "Jane Doe", "logInteraction",
                        Map.of("type", "note", "content", "prefers email")),
                Arguments.of("Log call w/ Jane Doe - discussed renewal", "Jane Doe", "logInteraction",
                        Map.of("type", "call", "content", "discussed renewal")),
                Arguments.of("Jane Doe is now a customer", "Jane Doe", "changeContactStage", Map.of("stage", "customer")),
                Arguments.of("qualify Jane Doe", "Jane Doe", "changeContactStage", Map.of("stage", "qualified")),
                Arguments.of("set Jane Doe's stage to lost", "Jane Doe", "changeContactStage", Map.of("stage", "lost")),
                Arguments.of("change the stage of Jane Doe to lost", "Jane Doe", "changeContactStage", Map.of("stage", "lost")),
                Arguments.of("make Jane Doe a customer", "Jane Doe", "changeContactStage", Map.of("stage", "customer")),
                Arguments.of("MOVE JANE DOE TO QUALIFIED!!", "JANE DOE", "changeContactStage", Map.of("stage", "qualified")),
                Arguments.of("move Acme renewal to negotiation", "Acme renewal", "moveDealStage", Map.of("stage", "negotiation")),
                Arguments.of("the Acme renewal deal is now in negotiation", "Acme renewal", "moveDealStage",
                        Map.of("stage", "negotiation")),
                Arguments.of("we won the Acme renewal deal", "Acme renewal", "markDealWon", Map.of()),
                Arguments.of("close the Acme renewal deal as won", "Acme renewal", "markDealWon", Map.of()),
                Arguments.of("the Acme renewal deal was lost, price too high", "Acme renewal", "markDealLost",
                        Map.of("reason", "price too high")),
                Arguments.of("mark it as lost because of price", "that deal", "markDealLost", Map.of("reason", "price")),
                Arguments.of("follow up with Jane Doe about pricing", "Jane Doe", "draftEmail",
                        Map.of("purpose", "a follow-up about pricing")),
                Arguments.of("write a follow-up email for Jane Doe about the demo", "Jane Doe", "draftEmail",
                        Map.of("purpose", "a follow-up about the demo")),
                Arguments.of("send Jane Doe an email about the demo", "Jane Doe", "proposeSendEmail", Map.of()),
                Arguments.of("reassign Jane Doe to sam@demo.example", "Jane Doe", "assignContactOwner",
                        Map.of("ownerEmail", "sam@demo.example")),
                Arguments.of("Jane Doe's new title is CTO", "Jane Doe", "updateContact", Map.of("title", "CTO")),
                Arguments.of("show Jane Doe's details", "Jane Doe", "getContact", Map.of()),
                Arguments.of("Is Jane Doe a customer?", "Jane Doe", "getContact", Map.of()),
                Arguments.of("log a call: she wants pricing", "that contact", "logInteraction",
                        Map.of("type", "call", "content", "she wants pricing")),
                Arguments.of("is Jane Doe still a lead", "Jane Doe", "getContact", Map.of()),
                Arguments.of("give the Acme renewal deal to sam@demo.example", "Acme renewal", "assignDealOwner",
                        Map.of("ownerEmail", "sam@demo.example")),
                Arguments.of("reassign that deal to sam@demo.example", "that deal", "assignDealOwner",
                        Map.of("ownerEmail", "sam@demo.example")),
                Arguments.of("create a deal for her: Vertex pilot 5000 USD", "her", "createDeal",
                        Map.of("name", "Vertex pilot", "amount", "5000", "currency", "USD")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void the_same_command_said_another_way(String text, String subject, String tool, Map<String, Object> arguments) {
        Plan plan = new OfflineCommands().understand(text, TUESDAY);
        assertNotNull(plan, text);
        assertEquals(subject, plan.subject());
        assertEquals(tool, plan.steps().getLast().tool());
        assertEquals(arguments, plan.steps().getLast().arguments());
    }

    static Stream<Arguments> single_calls_said_another_way() {
        return Stream.of(
                Arguments.of("Please add Jane Doe, phone 555-123-4567, email jane@acme.com, from Acme.", "createContact",
                        Map.of("firstName", "Jane", "lastName", "Doe", "phone", "555-123-4567", "email", "jane@acme.com",
                                "companyName", "Acme")),
                Arguments.of("add a contact named Jane Doe with email jane@acme.com", "createContact",
                        Map.of("firstName", "Jane", "lastName", "Doe", "email", "jane@acme.com")),
                Arguments.of("add Jane Doe (CTO) from Acme (jane@acme.com, +1 555 123 4567)", "createContact",
                        Map.of("firstName", "Jane", "lastName", "Doe", "title", "CTO", "companyName", "Acme",
                                "email", "jane@acme.com", "phone", "+1 555 123 4567")),
                Arguments.of("create contact: Jane Doe <jane@acme.com>", "createContact",
                        Map.of("firstName", "Jane", "lastName", "Doe", "email", "jane@acme.com")),
                Arguments.of("new opportunity Acme renewal worth €12k", "createDeal",
                        Map.of("name", "Acme renewal", "amount", "12000", "currency", "EUR")),
                Arguments.of("new deal Acme renewal 5.000 EUR", "createDeal",
                        Map.of("name", "Acme renewal", "amount", "5000", "currency", "EUR")),
                Arguments.of("new deal Acme renewal for USD 5,000", "createDeal",
                        Map.of("name", "Acme renewal", "amount", "5000", "currency", "USD")),
                Arguments.of("new deal Acme renewal worth 5000 dollars closing by end of quarter", "createDeal",
                        Map.of("name", "Acme renewal", "amount", "5000", "currency", "USD",
                                "expectedCloseDate", "2026-12-31")),
                Arguments.of("create a company called Vertex Labs in software", "createCompany",
                        Map.of("name", "Vertex Labs", "industry", "software")),
                Arguments.of("new account Vertex Labs (vertexlabs.example)", "createCompany",
                        Map.of("name", "Vertex Labs", "domain", "vertexlabs.example")),
                Arguments.of("find leads at Acme", "searchContacts", Map.of("stage", "lead", "companyName", "Acme")),
                Arguments.of("show my customers", "searchContacts", Map.of("stage", "customer", "onlyMine", true)),
                Arguments.of("which deals close this month?", "dealsClosing", Map.of("period", "this month")),
                Arguments.of("jane@acme.com", "searchContacts", Map.of("query", "jane@acme.com")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void single_calls_said_another_way(String text, String tool, Map<String, Object> arguments) {
        Plan plan = new OfflineCommands().understand(text, TUESDAY);
        assertNotNull(plan, text);
        assertEquals(tool, plan.steps().getFirst().tool());
        assertEquals(arguments, plan.steps().getFirst().arguments());
    }

    @Test
    void free_text_inside_a_command_is_never_rewritten() {
        Plan plan = new OfflineCommands().understand("log a note on Jane Doe: we won the Acme deal, qualify her next",
                TUESDAY);
        assertEquals(Map.of("type", "note", "content", "we won the Acme deal, qualify her next"),
                plan.steps().getLast().arguments());
    }

    @Test
    void a_person_is_never_taken_for_a_deal() {
        assertEquals(null, new OfflineCommands().understand("we lost Jane Doe", TUESDAY));
    }

    @Test
    void ordinals_are_understood_in_several_forms() {
        for (String choice : new String[] {"the second one", "2nd", "the second", "number 2", "#2", "go with the second one"}) {
            assertTrue(References.isOrdinal(choice), choice);
        }
        assertFalse(References.isOrdinal("the second deal at Acme"));
    }
}
