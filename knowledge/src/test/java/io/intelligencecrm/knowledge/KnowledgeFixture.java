package io.intelligencecrm.knowledge;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.embedding.EmbeddingModels;
import io.intelligencecrm.knowledge.memory.EmbedSubscriber;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Core and knowledge services on a fresh database, with the real in-process embedding model. */
final class KnowledgeFixture implements AutoCloseable {
    /** Loading the ONNX model takes a moment: one per test JVM. */
    private static Embedder sharedEmbedder;

    final Database database;
    final Settings settings;
    final CoreServices core;
    final KnowledgeServices knowledge;
    final OutboxDispatcher dispatcher;

    KnowledgeFixture(Map<String, String> extraEnvironment) {
        database = TestPostgres.get().openFreshDatabase(4);
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("CRM_DATABASE_URL", database.coordinates().url());
        env.put("CRM_DATABASE_OWNER_USER", database.coordinates().ownerUser());
        env.put("CRM_DATABASE_OWNER_PASSWORD", database.coordinates().ownerPassword());
        env.put("CRM_DATABASE_APP_USER", database.coordinates().appUser());
        env.put("CRM_DATABASE_APP_PASSWORD", database.coordinates().appPassword());
        settings = Settings.from(env);
        core = CoreServices.create(database, settings, Clock.systemUTC(), List.of(new EmbedSubscriber()), List.of(),
                InvitationSender.NONE, SessionRevocations.NONE);
        knowledge = KnowledgeServices.create(database, settings.knowledge(), core.audit(), core.outbox(), embedder(settings));
        dispatcher = new OutboxDispatcher(database, knowledge.outboxHandlers(), Duration.ofMillis(50), 5);
    }

    KnowledgeFixture() {
        this(Map.of());
    }

    static synchronized Embedder embedder(Settings settings) {
        if (sharedEmbedder == null) sharedEmbedder = EmbeddingModels.configured(settings.knowledge());
        return sharedEmbedder;
    }

    Actor newTenantAdmin(String label) {
        TenantId tenant = new TenantId(TestTenants.create(database, label).id());
        return new Actor(tenant, null, Role.ADMIN, Actor.Kind.SYSTEM, null);
    }

    @Override
    public void close() {
        dispatcher.close();
        knowledge.close();
        database.close();
    }
}
