package io.intelligencecrm.tools;

import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.analytics.RecordCounts;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.AccountSummaries;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.config.KnowledgeSettings;
import io.intelligencecrm.core.config.ScoringSettings;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.match.RecordMatcher;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.undo.ChangeUndo;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.knowledge.KnowledgeServices;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.scoring.ScoringServices;
import io.intelligencecrm.scoring.similarity.TextSimilarityNeighbours;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One seeded demo tenant for the tool tests of this JVM, wired like the composition root will:
 * services, then proposal handlers, then the ProposalService, then the tool objects.
 */
final class ToolFixture {
    private static ToolFixture instance;

    final Database database;
    final TenantId tenant;
    final KnowledgeServices knowledge;
    final CrmServices services;
    final ProposalService proposals;
    final CrmToolbox toolbox;
    final SuppressionList suppressions;
    final Actor admin;
    final Actor manager;
    final Actor rep;
    final Actor viewer;

    private ToolFixture() {
        database = TestPostgres.get().openFreshDatabase(4);
        Clock clock = Clock.systemUTC();
        var transactions = database.tenants();
        tenant = new DemoData(new TenantDirectory(database.jdbi()), new TenantProvisioning(database.ownerJdbi()),
                transactions, new PasswordHasher(), clock).ensureSeeded().tenantId();
        AuditTrail audit = new AuditTrail(transactions);
        Outbox outbox = new Outbox(transactions);
        ChangeFeed changes = new ChangeFeed(outbox, List.of());
        knowledge = KnowledgeServices.create(database, KnowledgeSettings.defaults(), audit, outbox);
        CompanyService companies = new CompanyService(transactions, audit, changes);
        ContactService contacts = new ContactService(transactions, audit, changes, companies, List.of());
        DealService deals = new DealService(transactions, audit, changes, companies, clock);
        InteractionService interactions = new InteractionService(transactions, audit, changes, contacts, clock);
        TaskService tasks = new TaskService(transactions, audit, clock, changes);
        services = new CrmServices(contacts, companies, deals, interactions,
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
        suppressions = new SuppressionList(transactions, audit);
        toolbox = new CrmToolbox(services, proposals, suppressions);
        UserRepository users = new UserRepository(transactions);
        Map<Role, UUID> ids = new java.util.EnumMap<>(Role.class);
        users.list(tenant).forEach(user -> ids.put(user.role(), user.id()));
        User watcher = users.create(tenant, "vera@demo.example", "Vera Viewer", Role.VIEWER, "UTC", null);
        admin = Actor.user(tenant, ids.get(Role.ADMIN), Role.ADMIN);
        manager = Actor.user(tenant, ids.get(Role.MANAGER), Role.MANAGER);
        rep = Actor.user(tenant, ids.get(Role.REP), Role.REP);
        viewer = Actor.user(tenant, watcher.id(), Role.VIEWER);
    }

    static synchronized ToolFixture get() {
        if (instance == null) instance = new ToolFixture();
        return instance;
    }

    /** What the agent runtime binds for a turn: the user acting through the agent. */
    static InvocationParameters as(Actor actor) {
        InvocationParameters parameters = new InvocationParameters();
        new ToolCall(actor.viaAgent(), null, ZoneId.of("Europe/London"), Clock.systemUTC()).bindTo(parameters);
        return parameters;
    }

    /** Ids of live contacts owned by the user, with an email, that no other test has touched yet. */
    List<UUID> freshContactsOwnedBy(Actor owner, int count) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        update contacts set custom = custom || '{"claimedByTest": true}'
                         where id in (select id from contacts
                                       where owner_id = :owner and deleted_at is null and email is not null and company_id is not null
                                         and custom->>'claimedByTest' is null
                                         and not exists (select 1 from deals d where d.contact_id = contacts.id)
                                       order by id limit :count)
                        returning id""")
                .bind("owner", owner.userId()).bind("count", count).mapTo(UUID.class).list());
    }

    long count(String sql, Map<String, Object> binds) {
        return database.tenants().inTenant(tenant, handle -> {
            var query = handle.createQuery(sql);
            binds.forEach(query::bind);
            return query.mapTo(Long.class).one();
        });
    }
}
