package io.intelligencecrm.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.agent.memory.ConversationKey;
import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.analytics.RecordCounts;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.AccountSummaries;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.config.KnowledgeSettings;
import io.intelligencecrm.core.config.ScoringSettings;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.match.RecordMatcher;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.proposal.ProposalStatus;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.undo.ChangeUndo;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.knowledge.KnowledgeServices;
import io.intelligencecrm.scoring.ScoringServices;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.CrmToolbox;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.undo.UndoWriteTools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The guard around every tool the model calls, with a real audit trail and the real toolbox's roles. */
@Tag("slow")
class RoleToolProviderTest {
    private static final int MAX_RESULT_CHARS = 1000;

    private static Database database;
    private static TenantId tenant;
    private static Actor rep;
    private static Actor viewer;
    private static AuditTrail audit;
    private static ConversationService conversations;
    private static CrmToolbox toolbox;
    private static ProposalService proposals;
    private static KnowledgeServices knowledge;

    /** A small tool object: one tool per behaviour the guard must handle. */
    public static final class ProbeTools {
        final AtomicInteger listCalls = new AtomicInteger();

        @Tool("Lists some rows")
        public TableResult listRows(@P("how many rows") int count) {
            listCalls.incrementAndGet();
            return new TableResult("Rows", List.of("n"), java.util.stream.IntStream.range(0, count)
                    .mapToObj(n -> List.<Object>of(n)).toList(), "table", count, "");
        }

        @Tool("Proposes an action")
        public ProposalResult proposeAction(@P("what to do") String what) {
            return new ProposalResult(UUID.randomUUID(), "probe.act", "Do " + what, Map.of("what", what), "hash",
                    Instant.now().plusSeconds(600), "PROPOSED, NOT DONE");
        }

        @Tool("Saves an email address")
        public String saveEmail(@P("the email") String email) {
            throw CrmException.invalid("email", "must be a valid email address");
        }

        @Tool("Breaks")
        public String breakDown() {
            throw new IllegalStateException("connection pool exhausted at com.example.Secret.method(Secret.java:42)");
        }

        @Tool("Returns a lot of text")
        public String longText() {
            return "x".repeat(MAX_RESULT_CHARS * 3);
        }
    }

    private final ProbeTools probe = new ProbeTools();
    private final RoleToolProvider provider = new RoleToolProvider(role -> List.of(probe), audit, database.tenants(),
            MAX_RESULT_CHARS);

    @BeforeAll
    static void database() {
        database = TestPostgres.get().openFreshDatabase(2);
        var transactions = database.tenants();
        tenant = TestTenants.create(database, "tools").tenantId();
        UserRepository users = new UserRepository(transactions);
        rep = Actor.user(tenant, users.create(tenant, "rep@tools.example", "Rita Rep", Role.REP, "UTC", null).id(),
                Role.REP);
        viewer = Actor.user(tenant, users.create(tenant, "viewer@tools.example", "Vic Viewer", Role.VIEWER, "UTC", null)
                .id(), Role.VIEWER);
        audit = new AuditTrail(transactions);
        conversations = new ConversationService(transactions);
        Clock clock = Clock.systemUTC();
        Outbox outbox = new Outbox(transactions);
        ChangeFeed changes = new ChangeFeed(outbox, List.of());
        knowledge = KnowledgeServices.create(database, KnowledgeSettings.defaults(), audit, outbox);
        CompanyService companies = new CompanyService(transactions, audit, changes);
        ContactService contacts = new ContactService(transactions, audit, changes, companies, List.of());
        DealService deals = new DealService(transactions, audit, changes, companies, clock);
        InteractionService interactions = new InteractionService(transactions, audit, changes, contacts, clock);
        TaskService tasks = new TaskService(transactions, audit, clock, changes);
        CrmServices services = new CrmServices(contacts, companies, deals, interactions,
                new UserService(transactions, new TenantDirectory(database.jdbi()), new PasswordHasher(), audit,
                        InvitationSender.NONE, clock, Duration.ofDays(7), "http://localhost", SessionRevocations.NONE),
                new AnalyticsService(transactions, clock), outbox, transactions, knowledge.search(),
                ScoringServices.create(database, new TenantDirectory(database.jdbi()), changes,
                        new ScoringSettings(24, false, false), clock, new TextSimilarityNeighbours(transactions, clock)),
                tasks, new AccountSummaries(transactions, companies),
                new RecordCounts(transactions), new RecordMatcher(transactions),
                new ChangeUndo(transactions, audit, contacts, companies, deals, interactions, tasks));
        proposals = new ProposalService(transactions, audit, clock, Duration.ofHours(1),
                CrmToolbox.proposalHandlers(services));
        toolbox = new CrmToolbox(services, proposals);
    }

    @AfterAll
    static void close() {
        knowledge.close();
        database.close();
    }

    @Test
    void an_identical_repeated_call_in_one_turn_is_refused_and_not_run_again() {
        Turn turn = turn(rep);
        ToolExecutionResult first = run(turn, "listRows", "{\"count\": 2}");
        ToolExecutionResult again = run(turn, "listRows", "{ \"count\" : 2 }");
        ToolExecutionResult other = run(turn, "listRows", "{\"count\": 3}");

        assertFalse(first.isError());
        assertTrue(again.isError());
        assertTrue(again.resultText().contains("already called listRows with exactly these arguments"),
                again.resultText());
        assertTrue(again.resultText().contains("instead of calling it again"), again.resultText());
        assertFalse(other.isError());
        assertEquals(2, probe.listCalls.get());
    }

    @Test
    void the_same_call_in_a_new_turn_runs() {
        run(turn(rep), "listRows", "{\"count\": 1}");
        ToolExecutionResult nextTurn = run(turn(rep), "listRows", "{\"count\": 1}");
        assertFalse(nextTurn.isError());
        assertEquals(2, probe.listCalls.get());
    }

    @Test
    void a_refusal_from_the_services_becomes_readable_text_with_the_field_messages() {
        ToolExecutionResult result = run(turn(rep), "saveEmail", "{\"email\": \"not-an-email\"}");
        assertTrue(result.isError());
        assertTrue(result.resultText().startsWith("saveEmail was refused: "), result.resultText());
        assertTrue(result.resultText().contains("\n- email: must be a valid email address"), result.resultText());
    }

    @Test
    void an_unexpected_exception_becomes_a_generic_message_without_internals() {
        ToolExecutionResult result = run(turn(rep), "breakDown", "{}");
        assertTrue(result.isError());
        assertEquals("breakDown failed because of an internal error; nothing was changed by this call. "
                + "Tell the user it did not work and suggest trying again later.", result.resultText());
        assertFalse(result.resultText().contains("Secret"));
    }

    @Test
    void arguments_of_the_wrong_type_are_explained_to_the_model() {
        ToolExecutionResult result = run(turn(rep), "listRows", "{\"count\": \"many\"}");
        assertTrue(result.isError());
        assertTrue(result.resultText().startsWith("The arguments for listRows are not valid"), result.resultText());
    }

    @Test
    void a_result_longer_than_the_cap_is_truncated_with_a_note() {
        ToolExecutionResult result = run(turn(rep), "longText", "{}");
        assertFalse(result.isError());
        assertTrue(result.resultText().startsWith("x".repeat(MAX_RESULT_CHARS) + "\n[result truncated: "),
                result.resultText().substring(MAX_RESULT_CHARS - 10, MAX_RESULT_CHARS + 40));
        assertTrue(result.resultText().contains("Ask for fewer rows or a narrower filter."));
        assertTrue(result.resultText().length() < MAX_RESULT_CHARS + 200);
    }

    @Test
    void tables_and_proposals_reach_the_chat_and_every_call_starts_and_finishes() {
        Turn turn = turn(rep);
        run(turn, "listRows", "{\"count\": 2}");
        run(turn, "proposeAction", "{\"what\": \"send the brochure\"}");
        run(turn, "breakDown", "{}");

        List<AgentEvent> events = turn.events();
        assertEquals(List.of("tool_started", "table", "tool_finished", "tool_started", "proposal", "tool_finished",
                "tool_started", "tool_finished"), events.stream().map(AgentEvent::type).toList());
        assertEquals(2, assertInstanceOf(AgentEvent.Table.class, events.get(1)).table().rows().size());
        assertEquals("Do send the brochure",
                assertInstanceOf(AgentEvent.ProposalCreated.class, events.get(4)).proposal().summary());
        AgentEvent.ToolStarted started = assertInstanceOf(AgentEvent.ToolStarted.class, events.get(0));
        AgentEvent.ToolFinished finished = assertInstanceOf(AgentEvent.ToolFinished.class, events.get(2));
        assertEquals(started.callId(), finished.callId());
        assertEquals("Looked up rows", started.summary());
        assertEquals("Count: 2", started.details());
        assertTrue(finished.ok());
        AgentEvent.ToolFinished failed = assertInstanceOf(AgentEvent.ToolFinished.class, events.get(7));
        assertFalse(failed.ok());
        assertEquals("Looked up break down (did not work)", failed.summary());
        assertEquals(3, turn.agentTurn().toolCalls());
    }

    @Test
    void every_call_writes_one_audit_row_with_the_conversation() {
        Turn turn = turn(rep);
        run(turn, "listRows", "{\"count\": 1}");
        run(turn, "listRows", "{\"count\": 1}");
        run(turn, "saveEmail", "{\"email\": \"nope\"}");

        List<Map<String, Object>> rows = database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select actor_type, on_behalf_of, entity_id, diff->>'tool' as tool, diff->>'outcome' as outcome
                          from audit_log where action = 'agent.tool' and conversation_id = :id order by id""")
                .bind("id", turn.conversationId()).mapToMap().list());
        assertEquals(3, rows.size());
        assertEquals(List.of("ok", "error", "error"), rows.stream().map(r -> r.get("outcome")).toList());
        assertEquals(List.of("listRows", "listRows", "saveEmail"), rows.stream().map(r -> r.get("tool")).toList());
        assertTrue(rows.stream().allMatch(r -> "agent".equals(r.get("actor_type"))
                && rep.userId().equals(r.get("on_behalf_of")) && turn.conversationId().equals(r.get("entity_id"))));
    }

    @Test
    void a_viewer_is_offered_no_write_tools_while_a_rep_is() {
        RoleToolProvider real = new RoleToolProvider(toolbox::toolsFor, audit, database.tenants(), MAX_RESULT_CHARS);
        List<String> write = List.of("createContact", "updateContact", "logInteraction", "changeContactStage",
                "deleteContact", "createCompany", "createDeal", "moveDealStage", "proposeSendEmail");

        List<String> viewerTools = offered(real, viewer);
        List<String> repTools = offered(real, rep);

        assertTrue(viewerTools.containsAll(List.of("searchContacts", "getContact", "pipelineByStage", "draftEmail")),
                viewerTools.toString());
        assertTrue(write.stream().noneMatch(viewerTools::contains), viewerTools.toString());
        assertTrue(repTools.containsAll(write), repTools.toString());
        assertTrue(repTools.containsAll(viewerTools));
        assertEquals(real.toolNames(Role.VIEWER), viewerTools.stream().sorted().toList());
    }

    @Test
    void undo_finds_the_writes_of_the_users_last_tool_call_in_the_conversation() {
        RoleToolProvider real = new RoleToolProvider(toolbox::toolsFor, audit, database.tenants(), MAX_RESULT_CHARS);
        UUID conversation = conversations.start(rep, "web", null).id();
        Object deal = run(real, turn(rep, conversation), "createDeal", "{\"name\": \"Undo me\", \"amount\": \"5k\"}")
                .result();
        String dealId = ((DealWriteTools.DealSaved) deal).deal().id().toString();
        run(real, turn(rep, conversation), "moveDealStage", "{\"dealId\": \"" + dealId + "\", \"stage\": \"negotiation\"}");
        run(real, turn(rep, conversation), "searchContacts", "{}");

        UndoWriteTools.UndoResult stage = (UndoWriteTools.UndoResult) run(real, turn(rep, conversation),
                "undoLastChange", "{}").result();
        assertEquals("undone", stage.result(), stage.detail());
        assertEquals("prospecting", stageOf(dealId));
        assertEquals("undone", ((UndoWriteTools.UndoResult) run(real, turn(rep, conversation), "undoLastChange", "{}")
                .result()).result());
        long removed = database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select count(*) from deals where id = :id and deleted_at is not null").bind("id", UUID.fromString(dealId))
                .mapTo(Long.class).one());
        assertEquals(1, removed, "the second undo removed the created deal");

        run(real, turn(rep, conversation), "createContact", "{\"firstName\": \"Undo\", \"lastName\": \"Person\"}");
        ProposalResult proposed = (ProposalResult) run(real, turn(rep, conversation), "undoLastChange", "{}").result();
        assertTrue(proposed.summary().contains("remove the contact 'Undo Person'"), proposed.summary());
        assertEquals(ProposalStatus.EXECUTED, proposals.approve(rep, proposed.proposalId(), proposed.argumentsHash())
                .status());
        UndoWriteTools.UndoResult nothing = (UndoWriteTools.UndoResult) run(real, turn(rep, conversation),
                "undoLastChange", "{}").result();
        assertEquals("not undone", nothing.result());
        assertTrue(run(real, turn(rep, UUID.randomUUID()), "undoLastChange", "{}").resultText().contains("not undone"),
                "another conversation has nothing to undo");
    }

    private static String stageOf(String dealId) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery("select stage from deals where id = :id")
                .bind("id", UUID.fromString(dealId)).mapTo(String.class).one());
    }

    private static ToolExecutionResult run(RoleToolProvider tools, Turn turn, String tool, String arguments) {
        ToolExecutionRequest request = ToolExecutionRequest.builder().id("call-" + UUID.randomUUID()).name(tool)
                .arguments(arguments).build();
        ToolExecutionResult result = tools.provideTools(ToolProviderRequest.builder().invocationContext(turn.context())
                .userMessage(UserMessage.from("hi")).build()).toolExecutorByName(tool).executeWithContext(request,
                turn.context());
        assertFalse(result.isError(), result.resultText());
        return result;
    }

    private static List<String> offered(RoleToolProvider provider, Actor actor) {
        ToolProviderResult result = provider.provideTools(ToolProviderRequest.builder()
                .invocationContext(turn(actor).context()).userMessage(UserMessage.from("hi")).build());
        return result.tools().keySet().stream().map(spec -> spec.name()).toList();
    }

    private ToolExecutionResult run(Turn turn, String tool, String arguments) {
        ToolProviderResult tools = provider.provideTools(ToolProviderRequest.builder()
                .invocationContext(turn.context()).userMessage(UserMessage.from("hi")).build());
        ToolExecutionRequest request = ToolExecutionRequest.builder().id("call-" + UUID.randomUUID()).name(tool)
                .arguments(arguments).build();
        return tools.toolExecutorByName(tool).executeWithContext(request, turn.context());
    }

    /** A turn of the actor in a new conversation, collecting its events. */
    private record Turn(AgentTurn agentTurn, List<AgentEvent> events, InvocationContext context) {
        UUID conversationId() {
            return agentTurn.conversation().conversationId();
        }
    }

    private static Turn turn(Actor actor) {
        return turn(actor, conversations.start(actor, "web", null).id());
    }

    private static Turn turn(Actor actor, UUID conversation) {
        List<AgentEvent> events = new CopyOnWriteArrayList<>();
        AgentTurn turn = new AgentTurn(new ToolCall(actor.viaAgent(), conversation, ZoneId.of("UTC"), Clock.systemUTC()),
                new ConversationKey(tenant, actor.userId(), conversation), new Persona("Someone", "rep", "Tools"),
                events::add);
        return new Turn(turn, events, InvocationContext.builder().invocationParameters(turn.parameters())
                .chatMemoryId(turn.conversation()).build());
    }
}
