package io.intelligencecrm.web;

import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.bots.email.EmailBotServices;
import io.intelligencecrm.bots.slack.SlackServices;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.ConfigurationException;
import io.intelligencecrm.core.config.ObservabilitySettings;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.outbox.OutboxBacklog;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.knowledge.KnowledgeServices;
import io.intelligencecrm.knowledge.memory.EmbedSubscriber;
import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.scoring.RescoreSubscriber;
import io.intelligencecrm.scoring.ScoringServices;
import io.intelligencecrm.scoring.similarity.EmbeddingNeighbours;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import io.intelligencecrm.scoring.similarity.TieredNeighbours;
import io.intelligencecrm.web.http.RequestContext;
import io.intelligencecrm.web.http.StrictTransport;
import io.intelligencecrm.web.http.TlsConnector;
import io.intelligencecrm.web.metrics.ApplicationMetrics;
import io.intelligencecrm.web.metrics.ManagementServer;
import io.intelligencecrm.web.metrics.MetricsRoute;
import io.intelligencecrm.web.scoring.ScoringController;
import io.intelligencecrm.outreach.OutreachServices;
import io.intelligencecrm.scheduler.SchedulerServices;
import io.intelligencecrm.scheduler.triggers.WorkflowTriggers;
import io.intelligencecrm.web.workflow.InboxController;
import io.intelligencecrm.web.task.TaskController;
import io.intelligencecrm.web.workflow.WorkflowController;
import io.intelligencecrm.web.outreach.OutreachController;
import io.intelligencecrm.web.outreach.SmsController;
import io.intelligencecrm.web.outreach.UnsubscribeController;
import io.intelligencecrm.tools.outreach.SmsProposals;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.api.OpenApiController;
import io.intelligencecrm.web.auth.AccessTokens;
import io.intelligencecrm.web.auth.ApiAuthentication;
import io.intelligencecrm.web.auth.AuthController;
import io.intelligencecrm.web.auth.BrowserSessions;
import io.intelligencecrm.web.page.WebPages;
import io.intelligencecrm.web.live.LiveUpdates;
import io.intelligencecrm.web.auth.JwtCodec;
import io.intelligencecrm.core.ratelimit.TokenBuckets;
import io.intelligencecrm.web.auth.RateLimits;
import io.intelligencecrm.web.auth.SecretsKey;
import io.intelligencecrm.web.auth.SigningSecret;
import io.intelligencecrm.web.company.CompanyController;
import io.intelligencecrm.web.contact.ContactController;
import io.intelligencecrm.web.contact.ContactTransferController;
import io.intelligencecrm.web.deal.DealController;
import io.intelligencecrm.web.email.EmailBotController;
import io.intelligencecrm.web.health.HealthController;
import io.intelligencecrm.web.http.ErrorResponses;
import io.intelligencecrm.web.http.NulGuard;
import io.intelligencecrm.web.http.RequestLog;
import io.intelligencecrm.web.interaction.InteractionController;
import io.intelligencecrm.web.knowledge.KnowledgeController;
import io.intelligencecrm.web.knowledge.SearchController;
import io.intelligencecrm.web.slack.SlackSettingsController;
import io.intelligencecrm.web.slack.SlackWebhookController;
import io.intelligencecrm.web.user.TenantController;
import io.intelligencecrm.web.user.UserController;
import io.intelligencecrm.web.webhook.WebhookController;
import io.intelligencecrm.web.mcp.McpController;
import io.intelligencecrm.mcp.ApprovalCodes;
import io.intelligencecrm.mcp.CrmMcpServer;
import io.intelligencecrm.webhooks.WebhookErasure;
import io.intelligencecrm.webhooks.WebhookServices;
import io.intelligencecrm.webhooks.WebhookSubscriber;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.intelligencecrm.web.auth.WebSocketAuthentication;
import io.intelligencecrm.web.chat.ChatController;
import io.intelligencecrm.web.chat.ChatSocket;
import io.intelligencecrm.web.chat.ConversationController;
import io.intelligencecrm.web.chat.ProposalController;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root: builds every object of the product with constructors, in one place,
 * and owns the server and the database for their whole life. Tests build it with test settings.
 */
public final class CrmApplication {
    private static final long MAX_REQUEST_BYTES = 25L * 1024 * 1024;
    /** A chat frame is a message of at most 8,000 characters plus a little JSON. */
    private static final int MAX_SOCKET_FRAME_CHARS = 16 * 1024;
    /** How long a browser stays signed in: a working day; the session can still be ended at any time. */
    private static final Duration BROWSER_SESSION = Duration.ofHours(12);
    private static final Set<String> HTTP_VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Side effects (embeddings, indexing) start within this long of the write that caused them. */
    private static final Duration OUTBOX_POLL = Duration.ofMillis(500);
    private static final int OUTBOX_ATTEMPTS = 8;
    private static final Duration INDEX_MAINTENANCE = Duration.ofMinutes(10);
    private static final String MCP_VERSION = "0.1.0";

    private final Settings settings;
    private final DatabaseRuntime runtime;
    private final CoreServices services;
    private final KnowledgeServices knowledge;
    private final OutboxDispatcher dispatcher;
    private final AgentServices agent;
    private final SlackServices slack;
    private final ScoringServices scoring;
    private final ExecutorService chatTurns;
    private final Javalin server;
    private final List<String> endpoints;
    private final OutreachServices outreach;
    private final SchedulerServices scheduler;
    /** Background workers (dispatchers, the scheduler), stopped before the database closes. */
    private final List<AutoCloseable> workers;
    private final LiveUpdates live;
    private final ApplicationMetrics metrics;
    private final ManagementServer management;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private CrmApplication(Settings settings, DatabaseRuntime runtime, CoreServices services, KnowledgeServices knowledge,
                           OutboxDispatcher dispatcher, AgentServices agent, SlackServices slack,
                           ExecutorService chatTurns, Javalin server, List<String> endpoints,
                           OutreachServices outreach, SchedulerServices scheduler, List<AutoCloseable> workers,
                           LiveUpdates live, ScoringServices scoring, ApplicationMetrics metrics,
                           ManagementServer management) {
        this.live = live;
        this.metrics = metrics;
        this.management = management;
        this.scoring = scoring;
        this.settings = settings;
        this.runtime = runtime;
        this.services = services;
        this.knowledge = knowledge;
        this.dispatcher = dispatcher;
        this.agent = agent;
        this.slack = slack;
        this.chatTurns = chatTurns;
        this.server = server;
        this.endpoints = endpoints;
        this.outreach = outreach;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    public static CrmApplication start(Settings settings) {
        return start(settings, null);
    }

    /** @param model the agent's model; null builds the configured provider (tests pass scripted ones) */
    public static CrmApplication start(Settings settings, StreamingChatModel model) {
        DatabaseRuntime runtime = DatabaseRuntime.open(settings.database());
        List<AutoCloseable> workers = new ArrayList<>();
        ApplicationMetrics metrics = ApplicationMetrics.start(settings.agent().provider().name().toLowerCase());
        ManagementServer management = null;
        try {
            Database database = runtime.database();
            database.reportPoolTo(metrics.registry());
            Clock clock = Clock.systemUTC();
            KeyRing signing = SigningSecret.load(settings.auth(), settings.database().dataDir());
            JwtCodec jwt = new JwtCodec(signing,
                    settings.auth().issuer(), settings.auth().audience(), clock);
            AccessTokens tokens = new AccessTokens(jwt, Duration.ofMinutes(settings.auth().accessTokenMinutes()), clock);
            List<ChangeSubscriber> subscribers = new ArrayList<>(List.of(new EmbedSubscriber(), new WorkflowTriggers()));
            if (settings.scoring().rescoreOnChange()) subscribers.add(new RescoreSubscriber());
            subscribers.add(new WebhookSubscriber(database.tenants()));
            CoreServices services = CoreServices.create(database, settings, clock, subscribers,
                    List.of(new WebhookErasure()), InvitationSender.NONE, tokens);
            tokens.checkSessionsWith(services.authentication());
            if (settings.demoData()) {
                new DemoData(services.directory(), new TenantProvisioning(database.ownerJdbi()), database.tenants(),
                        new PasswordHasher(), clock).ensureSeeded();
            }

            KeyRing secretKeys = SecretsKey.load(settings.secrets(), settings.database().dataDir());
            KnowledgeServices knowledge = KnowledgeServices.create(database, settings.knowledge(), services.audit(),
                    services.outbox());
            // After the demo seed, so a new demo tenant is embedded too.
            knowledge.space().adopt(knowledge.embedder().space());
            // Similar leads from the knowledge module's embeddings while a tenant's closed leads are few enough.
            ScoringServices scoring = ScoringServices.create(database, services.directory(), services.changes(),
                    settings.scoring(), clock, new TieredNeighbours(new EmbeddingNeighbours(database.tenants(), clock,
                            knowledge.embedder().space().model()), new TextSimilarityNeighbours(database.tenants(), clock)));
            List<OutboxHandler> handlers = new ArrayList<>(knowledge.outboxHandlers());
            handlers.add(scoring.rescoreHandler());
            OutboxDispatcher dispatcher = new OutboxDispatcher(database, handlers, OUTBOX_POLL, OUTBOX_ATTEMPTS);
            workers.add(knowledge);
            workers.add(dispatcher);
            workers.add(scoring);
            dispatcher.start();

            AgentServices agent = model == null
                    ? AgentServices.create(database, settings.agent(), clock, services, knowledge.search(), scoring)
                    : AgentServices.create(database, settings.agent(), clock, services, knowledge.search(), scoring,
                            model);
            ExecutorService chatTurns = Executors.newVirtualThreadPerTaskExecutor();
            // Half the pool for Slack's agent turns, so acknowledging Slack's next request always finds a connection.
            SlackServices slack = SlackServices.create(database, settings.slack(),
                    new SecretBox(secretKeys), clock, services, agent, chatTurns,
                    Math.max(1, settings.database().poolSize() / 2));
            // Like Slack's: half the pool for agent turns behind mail posted to the webhook.
            EmailBotServices emailBot = EmailBotServices.create(database, new SecretBox(secretKeys), services, agent,
                    chatTurns, Math.max(1, settings.database().poolSize() / 2), settings.emailBot().interval());
            workers.add(emailBot.watchers());
            OutreachServices outreach = OutreachServices.create(database, settings.outreach(),
                    settings.server().publicUrl(),
                    secretKeys, clock, services);
            OutboxDispatcher mailDispatcher = new OutboxDispatcher(database, outreach.deliveryHandlers(),
                    Duration.ofMillis(settings.outreach().dispatchMillis()), 8);
            workers.add(mailDispatcher);
            SchedulerServices scheduler = SchedulerServices.create(database, settings.scheduler(),
                    Duration.ofMillis(settings.outreach().dispatchMillis()), clock, services, agent, outreach,
                    slack.notifier());
            // Once per cluster on Quartz, not a timer per node: training repeated on N nodes is N times the work.
            scheduler.everyCluster("lead-scoring-training", settings.scoring().scheduled()
                    ? Optional.of(Duration.ofHours(settings.scoring().trainEveryHours())) : Optional.empty(),
                    scoring.scoring()::trainAll);
            scheduler.everyCluster("vector-index-maintenance", Optional.of(INDEX_MAINTENANCE), knowledge.indexes()::pass);
            workers.add(scheduler);
            // Their own dispatcher: a slow receiver never holds up embeddings, scoring or mail.
            WebhookServices webhooks = WebhookServices.create(database.tenants(), services.outbox(), services.audit(),
                    new SecretBox(secretKeys), settings.webhooks(), clock);
            workers.add(webhooks);
            OutboxDispatcher webhookDispatcher = new OutboxDispatcher(database, webhooks.handlers(), OUTBOX_POLL,
                    OUTBOX_ATTEMPTS);
            workers.add(webhookDispatcher);
            webhookDispatcher.start();
            Set<String> outboxKinds = new HashSet<>(dispatcher.kinds());
            outboxKinds.addAll(mailDispatcher.kinds());
            outboxKinds.addAll(scheduler.dispatcher().kinds());
            outboxKinds.addAll(webhookDispatcher.kinds());
            metrics.watchOutbox(new OutboxBacklog(database.jdbi(), clock), outboxKinds,
                    knowledge.outboxHandlers().stream().map(OutboxHandler::kind).toList());
            metrics.watchMailboxes(emailBot.watchers());

            RateLimits limits = new RateLimits(new TokenBuckets(database.jdbi()), settings.auth());
            ApiRoutes api = new ApiRoutes();
            new AuthController(services.authentication(), tokens, limits, services.users()).routes(api);
            new ContactTransferController(services.contactImport(), services.contactExport()).routes(api);
            new ContactController(services.contacts()).routes(api);
            new CompanyController(services.companies()).routes(api);
            new DealController(services.deals()).routes(api);
            new InteractionController(services.interactions()).routes(api);
            new UserController(services.users(), services.apiKeys(), services.auditQuery()).routes(api);
            new TenantController(services.tenantSettings()).routes(api);
            new ChatController(agent.chat()).routes(api);
            new ConversationController(agent.conversations()).routes(api);
            new ProposalController(agent.proposals(), agent.chat()).routes(api);
            new KnowledgeController(knowledge.documents()).routes(api);
            new SearchController(knowledge.search()).routes(api);
            new ScoringController(scoring).routes(api);
            new SlackSettingsController(slack.integration()).routes(api);
            new EmailBotController(emailBot).routes(api);
            new OutreachController(outreach).routes(api);
            SmsController sms = new SmsController(outreach.smsSettings(), new SmsProposals(services.contacts(),
                    agent.proposals(), outreach.suppressions()), outreach.smsWebhooks(), settings.server().publicUrl());
            sms.routes(api);
            new WorkflowController(scheduler.workflows()).routes(api);
            new InboxController(scheduler.notifications()).routes(api);
            new TaskController(services.tasks()).routes(api);
            new WebhookController(webhooks).routes(api);
            new OpenApiController(api, settings.server().publicUrl()).routes(api);
            BrowserSessions browser = new BrowserSessions(tokens, BROWSER_SESSION, signing,
                    settings.server().publicUrl().startsWith("https:"));
            ApiAuthentication authentication = new ApiAuthentication(api, tokens, services.authentication(), limits, browser);
            WebPages pages = WebPages.create(settings, clock, services, agent, scoring, browser,
                    tokens, limits, outreach.capturedMails(), new ApprovalCodes(secretKeys));
            LiveUpdates live = new LiveUpdates(database.coordinates()).start();
            ChatSocket chatSocket = new ChatSocket(agent.chat(), agent.conversations(), chatTurns, pages.chatViews());
            AtomicReference<Javalin> started = new AtomicReference<>();
            WebSocketAuthentication socketAuthentication = new WebSocketAuthentication(authentication,
                    () -> allowedOrigins(settings, started.get()), browser);
            CrmMcpServer mcp = new CrmMcpServer(services, agent, secretKeys, settings.server().publicUrl(), MCP_VERSION,
                    clock);
            workers.add(mcp);
            McpController mcpEndpoint = new McpController(mcp, authentication, limits,
                    () -> allowedOrigins(settings, started.get()));
            HealthController health = new HealthController(database, services.directory(), settings.demoData());

            List<String> endpoints = new CopyOnWriteArrayList<>();
            Javalin server = Javalin.create(config -> {
                config.events.handlerAdded(info -> {
                    if (HTTP_VERBS.contains(info.getHttpMethod().name())) {
                        endpoints.add(info.getHttpMethod().name() + " " + info.getPath());
                    }
                });
                config.startup.showJavalinBanner = false;
                // Requests spend most of their time waiting on PostgreSQL. On virtual threads, the list endpoint served
                // about a tenth more requests per second on two cores (two servers, alternating rounds).
                config.concurrency.useVirtualThreads = true;
                config.jsonMapper(new JavalinJackson(Json.mapper(), false));
                config.jetty.host = settings.server().host();
                config.http.maxRequestSize = MAX_REQUEST_BYTES;
                config.jetty.modifyWebSocketServletFactory(factory -> factory.setMaxTextMessageSize(MAX_SOCKET_FRAME_CHARS));
                config.requestLogger.http(new RequestLog(metrics.registry()));
                settings.server().tls().ifPresent(tls -> config.jetty.addConnector((jetty, http) ->
                        TlsConnector.create(jetty, http, settings.server(), tls)));
                config.routes.before(new RequestContext());
                config.routes.before(new StrictTransport(settings.server().publicUrl()));
                ErrorResponses.register(config.routes, pages.errors());
                pages.configure(config);
                config.routes.get("/health/live", health::live);
                config.routes.get("/health/ready", health::ready);
                settings.observability().metricsToken().ifPresent(token -> config.routes.get(
                        settings.observability().metricsPath(), new MetricsRoute(token, metrics::scrape)));
                new UnsubscribeController(outreach.unsubscribe(), pages.templates()).routes(config.routes);
                mcpEndpoint.routes(config.routes);
                config.routes.beforeMatched("/api/*", authentication);
                // After authentication, so a refused request is still logged with its tenant and user.
                config.routes.beforeMatched(new NulGuard());
                api.registerAll(config.routes);
                new SlackWebhookController(slack).routes(config.routes);
                sms.webhooks(config.routes);
                config.routes.wsBeforeUpgrade("/ws/chat", socketAuthentication);
                config.routes.ws("/ws/chat", chatSocket::configure);
                config.routes.wsBeforeUpgrade("/ws/live", socketAuthentication);
                config.routes.ws("/ws/live", live::configure);
            });
            started.set(server);
            if (settings.scheduler().enabled()) {
                mailDispatcher.start();
                scheduler.start();
                emailBot.watchers().start();
            }
            startListening(server, settings);
            ObservabilitySettings observability = settings.observability();
            if (observability.metricsPort().isPresent()) {
                management = ManagementServer.start(observability.metricsHost(), observability.metricsPort().getAsInt(),
                        observability.metricsPath(), metrics::scrape);
            }
            return new CrmApplication(settings, runtime, services, knowledge, dispatcher, agent, slack, chatTurns,
                    server, endpoints, outreach, scheduler, workers, live, scoring, metrics, management);
        } catch (RuntimeException e) {
            if (management != null) management.close();
            closeAll(workers);
            runtime.close();
            metrics.close();
            throw e;
        }
    }

    /** The product's own pages: its public URL, and this server on localhost whatever the port. */
    private static Set<String> allowedOrigins(Settings settings, Javalin server) {
        Set<String> origins = new HashSet<>();
        origins.add(WebSocketAuthentication.normalised(settings.server().publicUrl()));
        if (server != null) {
            origins.add("http://localhost:" + server.port());
            origins.add("http://127.0.0.1:" + server.port());
        }
        return origins;
    }

    private static void startListening(Javalin server, Settings settings) {
        try {
            server.start(settings.server().port());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new ConfigurationException("Port " + settings.server().port() + " on "
                            + settings.server().host() + " is already in use: stop the other process or set CRM_HTTP_PORT.");
                }
            }
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return runtime.database();
    }

    public CoreServices services() {
        return services;
    }

    public KnowledgeServices knowledge() {
        return knowledge;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public AgentServices agent() {
        return agent;
    }

    /** The Slack bot; its notifier posts workflow notifications to a channel or a linked user. */
    public SlackServices slack() {
        return slack;
    }

    /** Lead scoring: training, scores with their evidence, rescoring jobs. */
    public ScoringServices scoring() {
        return scoring;
    }

    /** Every registered HTTP handler as "METHOD /path", for checks that the API description is complete. */
    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    public OutreachServices outreach() {
        return outreach;
    }

    public SchedulerServices scheduler() {
        return scheduler;
    }

    public int port() {
        return server.port();
    }

    /** The management listener's port (metrics), when CRM_METRICS_PORT asked for one. */
    public OptionalInt managementPort() {
        return management == null ? OptionalInt.empty() : OptionalInt.of(management.port());
    }

    public String url() {
        String scheme = settings.server().tls().isPresent() ? "https" : "http";
        return settings.server().port() == 0 ? scheme + "://localhost:" + port() : settings.server().publicUrl();
    }

    /** Stops taking requests, lets running ones finish, then closes the pool and the local cluster. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) return;
        server.stop();
        live.close();
        chatTurns.shutdown();
        try {
            chatTurns.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll(workers);
        runtime.close();
        if (management != null) management.close();
        metrics.close();
    }

    private static void closeAll(List<AutoCloseable> workers) {
        for (AutoCloseable worker : workers.reversed()) {
            try {
                worker.close();
            } catch (Exception e) {
                // Shutting down: a worker that fails to stop must not keep the others running.
            }
        }
    }
}
