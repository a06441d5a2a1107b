package io.intelligencecrm.webhooks.testing;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.config.WebhookSettings;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.webhooks.WebhookErasure;
import io.intelligencecrm.webhooks.WebhookServices;
import io.intelligencecrm.webhooks.WebhookSubscriber;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A real database with the core services and webhooks wired as the application wires them, a running
 * webhook dispatcher, and timings short enough for tests: an attempt may take 700 ms, the first retry
 * comes after 300 ms, and a delivery is given up after 3 s. Loopback receivers are allowed, as an
 * operator would allow a receiver on the company network.
 */
public final class WebhookFixture implements AutoCloseable {
    public static final WebhookSettings FAST = new WebhookSettings(true, Duration.ofMillis(700), Duration.ofMillis(300),
            Duration.ofSeconds(1), Duration.ofSeconds(3));

    public final Database database;
    public final CoreServices core;
    public final WebhookServices webhooks;
    public final SecretBox box;
    private final OutboxDispatcher dispatcher;

    public WebhookFixture() {
        database = TestPostgres.get().openFreshDatabase(4);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        box = new SecretBox(KeyRing.of(key));
        core = CoreServices.create(database, Settings.from(Map.of()), Clock.systemUTC(),
                List.of(new WebhookSubscriber(database.tenants())), List.of(new WebhookErasure()), InvitationSender.NONE,
                SessionRevocations.NONE);
        webhooks = WebhookServices.create(database.tenants(), core.outbox(), core.audit(), box, FAST, Clock.systemUTC());
        dispatcher = new OutboxDispatcher(database, webhooks.handlers(), Duration.ofMillis(50), 5);
        dispatcher.start();
    }

    public TenantId tenant(String label) {
        return TestTenants.create(database, label).tenantId();
    }

    public Actor user(TenantId tenant, String email, Role role) {
        User user = new UserRepository(database.tenants()).create(tenant, email, email, role, "UTC", null);
        return Actor.user(tenant, user.id(), role);
    }

    public Contact contact(Actor actor, String first, String email) {
        return core.contacts().create(actor, Map.of("firstName", first, "lastName", "Hook", "email", email));
    }

    /** Waits up to twenty seconds for the condition, which the running dispatcher brings about. */
    public static void await(String what, BooleanSupplier condition) {
        await(() -> what, condition);
    }

    /** @param what describes what was awaited and what there is, for the failure message */
    public static void await(Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what.get());
            }
        }
    }

    @Override
    public void close() {
        dispatcher.close();
        webhooks.close();
        database.close();
    }
}
