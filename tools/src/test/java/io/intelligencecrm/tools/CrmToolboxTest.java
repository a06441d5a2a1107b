package io.intelligencecrm.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.core.user.Role;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class CrmToolboxTest {
    private static final Set<String> READ_TOOLS = Set.of("searchContacts", "getContact", "findCompanies", "findDeals",
            "getPipeline", "newLeads", "pipelineByStage", "dealsClosing", "activityByRep", "conversionBySource",
            "staleDeals", "draftEmail", "draftEmailsForContacts", "searchNotes", "findSimilarContacts",
            "answerFromDocuments", "scoreMyLeads", "explainScore", "leadsToCall", "scoreDrops", "findEmailAudience",
            "listTasks", "closedRevenue", "staleContacts", "countRecords", "accountSummary", "matchRecords");
    private static final Set<String> WRITE_TOOLS = Set.of("createContact", "updateContact", "changeContactStage",
            "assignContactOwner", "logInteraction", "deleteContact", "bulkChangeContactStage", "createCompany",
            "createDeal", "moveDealStage", "markDealWon", "markDealLost", "assignDealOwner", "proposeSendEmail", "proposeSendEmails", "proposeSendSms",
            "createTask", "completeTask", "undoLastChange", "moveInteraction");

    private final ToolFixture fixture = ToolFixture.get();

    private static List<Method> toolMethods(List<Object> tools) {
        return tools.stream().flatMap(tool -> Arrays.stream(tool.getClass().getMethods()))
                .filter(method -> method.isAnnotationPresent(Tool.class)).toList();
    }

    private static Set<String> names(List<Object> tools) {
        return toolMethods(tools).stream().map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void a_viewers_toolbox_has_no_write_tool() {
        List<Object> tools = fixture.toolbox.toolsFor(Role.VIEWER);
        Set<String> offered = names(tools);
        assertEquals(new TreeSet<>(READ_TOOLS), offered);
        offered.forEach(name -> assertFalse(WRITE_TOOLS.contains(name), name));
        tools.forEach(tool -> assertFalse(tool.getClass().getSimpleName().contains("Write"),
                tool.getClass().getName()));
    }

    @Test
    void writers_get_read_and_write_tools() {
        Set<String> all = new TreeSet<>(READ_TOOLS);
        all.addAll(WRITE_TOOLS);
        for (Role role : List.of(Role.REP, Role.MANAGER, Role.ADMIN)) {
            assertEquals(all, names(fixture.toolbox.toolsFor(role)), role.name());
        }
    }

    @Test
    void every_tool_and_parameter_is_described_and_identity_comes_from_the_invocation() {
        for (Method method : toolMethods(fixture.toolbox.toolsFor(Role.ADMIN))) {
            String description = String.join(" ", method.getAnnotation(Tool.class).value());
            assertTrue(description.length() > 20, method.getName() + " needs a description");
            Parameter[] parameters = method.getParameters();
            assertEquals(InvocationParameters.class, parameters[parameters.length - 1].getType(), method.getName());
            for (int i = 0; i < parameters.length - 1; i++) {
                P described = parameters[i].getAnnotation(P.class);
                assertTrue(described != null && described.value().length() > 3,
                        method.getName() + " parameter " + i + " needs @P");
                String name = parameters[i].getName().toLowerCase();
                assertFalse(name.contains("tenant") || name.contains("role") || name.equals("userid")
                        || name.equals("ownerid"), method.getName() + " must not take identity: " + name);
            }
        }
    }

    @Test
    void langchain4j_builds_specifications_that_hide_the_invocation_parameters() {
        var specifications = fixture.toolbox.toolsFor(Role.ADMIN).stream()
                .flatMap(tool -> dev.langchain4j.agent.tool.ToolSpecifications.toolSpecificationsFrom(tool).stream())
                .toList();
        assertEquals(READ_TOOLS.size() + WRITE_TOOLS.size(), specifications.size());
        specifications.forEach(specification -> {
            var properties = specification.parameters() == null ? java.util.Map.of()
                    : specification.parameters().properties();
            assertFalse(properties.containsKey("parameters"), specification.name());
        });
        var search = specifications.stream().filter(s -> s.name().equals("searchContacts")).findFirst().orElseThrow();
        assertEquals(List.of(), search.parameters().required());
    }

    @Test
    void tool_results_serialise_to_json_for_the_model() {
        var proposal = new ProposalResult(java.util.UUID.randomUUID(), "email.send", "Send", java.util.Map.of(),
                "hash", java.time.Instant.now(), "PROPOSED, NOT DONE");
        String json = dev.langchain4j.internal.Json.toJson(proposal);
        assertTrue(json.contains("PROPOSED, NOT DONE"), json);
    }

    @Test
    void offers_a_handler_for_every_proposed_action() {
        assertEquals(Set.of("contact.assign_owner", "contact.delete", "contacts.change_stage", "email.send", "sms.send",
                        "deal.assign_owner", "change.undo"),
                CrmToolbox.proposalHandlers(fixture.services).stream().map(ProposalHandler::action)
                        .collect(Collectors.toSet()));
    }
}
