package io.intelligencecrm.agent.offline;

import static io.intelligencecrm.agent.offline.OfflineConversations.arguments;
import static io.intelligencecrm.agent.offline.OfflineConversations.json;
import static io.intelligencecrm.agent.offline.OfflineConversations.onlyCall;
import static io.intelligencecrm.agent.offline.OfflineConversations.request;
import static io.intelligencecrm.agent.offline.OfflineConversations.specifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.intelligencecrm.tools.audience.AudienceTools;
import io.intelligencecrm.tools.audience.EmailAudience;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.outreach.OutreachReadTools;
import io.intelligencecrm.tools.outreach.OutreachWriteTools;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One email to a group: the group's filters from the words, one shared text, one proposal. */
class GroupEmailTest {
    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");
    private static final List<String> COLUMNS = List.of("id", "name", "email", "company", "stage");
    private static final List<ToolSpecification> TOOLS = specifications(ContactReadTools.class,
            OutreachReadTools.class, AudienceTools.class, OutreachWriteTools.class);

    private final OfflineModel model = new OfflineModel();

    static Stream<Arguments> the_group_is_read_from_the_words() {
        return Stream.of(
                Arguments.of("draft a follow-up to everyone I met last week",
                        Map.of("interactedIn", "last week", "interactionType", "meeting")),
                Arguments.of("Draft a follow up for everybody we met with yesterday.",
                        Map.of("interactedIn", "yesterday", "interactionType", "meeting")),
                Arguments.of("email everyone I called this week about the revised quote",
                        Map.of("interactedIn", "this week", "interactionType", "call")),
                Arguments.of("email all my customers in Germany about the webinar on Thursday",
                        Map.of("stage", "customer", "onlyMine", true, "country", "Germany")),
                Arguments.of("please e-mail all my clients in the UK regarding the price change",
                        Map.of("stage", "customer", "onlyMine", true, "country", "the UK")),
                Arguments.of("send the contacts at Acme a note about the new pricing",
                        Map.of("companyName", "Acme")),
                Arguments.of("send a note to the people at Globex Corp about the new pricing",
                        Map.of("companyName", "Globex Corp")),
                Arguments.of("message every lead at Initech about our launch",
                        Map.of("stage", "lead", "companyName", "Initech")),
                Arguments.of("write to all qualified contacts at Hooli in Germany about the event",
                        Map.of("stage", "qualified", "companyName", "Hooli", "country", "Germany")),
                Arguments.of("Send an email to all of my leads about the webinar!",
                        Map.of("stage", "lead", "onlyMine", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void the_group_is_read_from_the_words(String text, Map<String, Object> filters) {
        Plan plan = new OfflineCommands().understand(text, TUESDAY);
        assertEquals("findEmailAudience", plan.steps().getFirst().tool(), text);
        assertEquals(filters, plan.steps().getFirst().arguments(), text);
        assertEquals("proposeSendEmails", plan.steps().getLast().tool());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"email everyone about the outage", "email all contacts about pricing",
            "send an email to every customer about the price rise",
            "email Jane Doe about the demo", "draft a follow-up to Jane Doe about pricing", "send me the pipeline",
            "draft emails to all customers at Acme about the renewal", "show all leads at Acme"})
    void an_unnarrowed_group_or_a_single_contact_is_no_group_email(String text) {
        Plan plan = new OfflineCommands().understand(text, TUESDAY);
        assertTrue(plan == null || !plan.steps().getFirst().tool().equals("findEmailAudience"), text);
    }

    @Test
    void the_shared_text_is_built_from_what_was_said_and_names_the_day() {
        Map<String, Object> email = GroupEmailCommands.understand(
                "email all my customers in Germany about the webinar on Thursday", TUESDAY).steps().getLast().arguments();
        assertEquals("Webinar on Thursday 26 November", email.get("subject"));
        assertTrue(String.valueOf(email.get("body")).startsWith("Hi {{firstName}},\n\nI'm writing to you about the webinar on "
                + "Thursday 26 November."), String.valueOf(email.get("body")));
        Map<String, Object> followUp = GroupEmailCommands.understand("draft a follow-up to everyone I met last week",
                TUESDAY).steps().getLast().arguments();
        assertEquals("Following up on our meeting", followUp.get("subject"));
        assertTrue(String.valueOf(followUp.get("body")).contains("Thank you for meeting with me last week."));
    }

    @Test
    void the_group_becomes_one_proposal_and_the_answer_names_who_was_skipped() {
        UserMessage user = UserMessage.from("email the contacts at Acme about the new pricing");
        AiMessage first = model.chat(request(TOOLS, user)).aiMessage();
        ToolExecutionRequest find = onlyCall(first);
        assertEquals("findEmailAudience", find.name());
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        ToolExecutionResultMessage audience = ToolExecutionResultMessage.from(find, json(new EmailAudience("Recipients",
                COLUMNS, List.of(List.of(ann.toString(), "Ann A", "ann@acme.example", "Acme", "lead"),
                        List.of(bob.toString(), "Bob B", "bob@acme.example", "Acme", "lead")),
                5, List.of("Cy NoMail"), List.of("Di Gone <di@acme.example>"), List.of("Ed Theirs"), 0, "")));
        AiMessage second = model.chat(request(TOOLS, user, first, audience)).aiMessage();
        ToolExecutionRequest propose = onlyCall(second);
        assertEquals("proposeSendEmails", propose.name());
        Map<String, Object> arguments = arguments(propose);
        assertEquals(List.of(ann.toString(), bob.toString()), arguments.get("contactIds"));
        assertEquals("New pricing", arguments.get("subject"));
        AiMessage answer = model.chat(request(TOOLS, user, first, audience, second, ToolExecutionResultMessage.from(
                propose, "{\"proposalId\":\"" + UUID.randomUUID() + "\",\"summary\":\"Send \\\"New pricing\\\" to "
                        + "Ann A, Bob B\"}"))).aiMessage();
        assertFalse(answer.hasToolExecutionRequests());
        assertTrue(answer.text().contains("waiting for your approval"), answer.text());
        assertTrue(answer.text().contains("Skipped 1 without an email address: Cy NoMail"), answer.text());
        assertTrue(answer.text().contains("Skipped 1 who unsubscribed"), answer.text());
        assertTrue(answer.text().contains("Skipped 1 owned by a colleague"), answer.text());
        assertTrue(answer.text().contains("Subject: New pricing"), answer.text());
    }

    @Test
    void an_empty_group_is_explained_and_nothing_is_proposed() {
        UserMessage user = UserMessage.from("email everyone I met yesterday about the offer");
        AiMessage first = model.chat(request(TOOLS, user)).aiMessage();
        AiMessage reply = model.chat(request(TOOLS, user, first, ToolExecutionResultMessage.from(onlyCall(first),
                json(new EmailAudience("Recipients", COLUMNS, List.of(), 0, List.of(), List.of(), List.of(), 0,
                        "No contacts match."))))).aiMessage();
        assertFalse(reply.hasToolExecutionRequests());
        assertTrue(reply.text().startsWith("Nobody matches that group"), reply.text());
    }

    @Test
    void a_group_larger_than_the_cap_says_how_many_were_left_out() {
        String text = GroupEmailReplies.proposed("I have proposed it.", ToolExecutionResultMessage.from("1",
                "findEmailAudience", json(new EmailAudience("Recipients", COLUMNS, List.of(), 70, List.of(),
                        List.of(), List.of(), 20, ""))), "S", "B");
        assertTrue(text.contains("20 more contacts were left out"), text);
    }
}
