package io.intelligencecrm.evals;

import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.knowledge.KnowledgeServices;
import io.intelligencecrm.scoring.ScoringServices;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The demo tenant on its own database copy, with the same core, knowledge, scoring and agent services
 * the server builds: plant what a case needs, then talk to the agent as one demo user. Not thread-safe.
 */
final class DemoSession implements AutoCloseable {
    private static final int POOL_SIZE = 4;
    /** Viewers are not among the demo logins; cases that act as one get this user. */
    private static final String VIEWER_EMAIL = "viewer@demo.example";

    /** What the agent answered, turn by turn, in one conversation. */
    record Transcript(UUID conversation, List<AttemptResult.Turn> turns, long inputTokens, long outputTokens, long millis) {
    }

    private final Database database;
    private final CoreServices core;
    private final KnowledgeServices knowledge;
    private final AgentServices agent;
    private final TenantId tenant;
    private final TenantQueries queries;

    DemoSession(Settings settings, DatabaseCoordinates coordinates) {
        this.database = new Database(coordinates, POOL_SIZE);
        Clock clock = Clock.systemUTC();
        this.core = CoreServices.create(database, settings, clock, List.of(), List.of(), InvitationSender.NONE,
                SessionRevocations.NONE);
        ScoringServices scoring = ScoringServices.create(database, core, settings.scoring(), clock);
        this.knowledge = KnowledgeServices.create(database, settings.knowledge(), core.audit(), core.outbox());
        this.agent = AgentServices.create(database, settings.agent(), clock, core, knowledge.search(), scoring);
        this.tenant = core.directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
        this.queries = new TenantQueries(database.tenants(), tenant);
    }

    TenantQueries queries() {
        return queries;
    }

    TenantId tenant() {
        return tenant;
    }

    /**
     * Uploads documents and embeds what the setup planted (the template's demo data is embedded
     * already), so searches see them as they would in a running product.
     */
    void plantKnowledge(List<Scenario.Document> documents, Actor actor) {
        for (Scenario.Document document : documents) {
            knowledge.documents().upload(actor, document.filename(), document.title(),
                    document.content().getBytes(StandardCharsets.UTF_8));
        }
        knowledge.reindex().embedMissing(tenant);
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(database, knowledge.outboxHandlers(), Duration.ofSeconds(1), 3)) {
            dispatcher.drain();
        }
    }

    /** The demo user with this role (admin, manager, rep; a viewer is added on first use). */
    Actor actor(String role) {
        Role wanted = Role.valueOf(role.toUpperCase(Locale.ROOT));
        if (wanted == Role.VIEWER) {
            queries.execute("insert into users (tenant_id, email, full_name, role, timezone) select current_setting('app.tenant_id')::uuid, '"
                    + VIEWER_EMAIL + "', 'Vic Viewer', 'viewer', 'Europe/London' where not exists (select 1 from users where email = '"
                    + VIEWER_EMAIL + "')");
        }
        String email = wanted == Role.VIEWER ? VIEWER_EMAIL : DemoData.LOGINS.stream().filter(login -> login.role() == wanted)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no demo user has the role " + role)).email();
        User user = core.users().list(Actor.user(tenant, null, Role.ADMIN)).stream()
                .filter(candidate -> candidate.email().equalsIgnoreCase(email)).findFirst().orElseThrow();
        return Actor.user(tenant, user.id(), user.role());
    }

    /** Sends the messages in one new conversation through ChatService, as the chat page would. */
    Transcript talk(Actor actor, List<String> messages) {
        long started = System.nanoTime();
        List<AttemptResult.Turn> turns = new ArrayList<>();
        UUID conversation = null;
        long inputTokens = 0;
        long outputTokens = 0;
        for (String message : messages) {
            ChatReply reply = agent.chat().send(actor, new ChatInput(conversation, message, "api"), AgentEventSink.IGNORE);
            conversation = reply.conversationId();
            inputTokens += reply.inputTokens();
            outputTokens += reply.outputTokens();
            turns.add(new AttemptResult.Turn(message, reply.text(), reply.failed()));
        }
        return new Transcript(conversation, turns, inputTokens, outputTokens, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        knowledge.close();
        database.close();
    }
}
