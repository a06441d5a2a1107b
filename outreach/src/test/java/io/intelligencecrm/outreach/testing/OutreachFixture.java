package io.intelligencecrm.outreach.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.outreach.OutreachServices;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real database, core and outreach services, and GreenMail as the SMTP (and IMAP) server on free
 * ports. Close it after the test.
 */
public final class OutreachFixture implements AutoCloseable {
    public final Database database;
    public final GreenMail mail;
    public final CoreServices core;
    public final OutreachServices outreach;
    public final Settings settings;
    public final byte[] secretKey = new byte[32];

    public OutreachFixture(Map<String, String> extraEnvironment, Clock clock) {
        this(extraEnvironment, clock, List.of());
    }

    /** @param subscribers record-change subscribers (workflow triggers in the scheduler's tests) */
    public OutreachFixture(Map<String, String> extraEnvironment, Clock clock, List<ChangeSubscriber> subscribers) {
        database = TestPostgres.get().openFreshDatabase(4);
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.putIfAbsent("CRM_SMTP_HOST", "127.0.0.1");
        env.putIfAbsent("CRM_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        env.putIfAbsent("CRM_SMTP_SECURITY", "none");
        env.putIfAbsent("CRM_MAIL_FROM", "sales@crm.example");
        if ("capture".equals(env.get("CRM_SMTP_HOST"))) env.remove("CRM_SMTP_HOST");
        settings = Settings.from(env);
        new SecureRandom().nextBytes(secretKey);
        core = CoreServices.create(database, settings, clock, subscribers, List.of(), InvitationSender.NONE,
                SessionRevocations.NONE);
        outreach = OutreachServices.create(database, settings.outreach(), "http://crm.test", KeyRing.of(secretKey), clock, core);
    }

    public OutreachFixture() {
        this(Map.of(), Clock.systemUTC());
    }

    public TenantId tenant(String label) {
        return TestTenants.create(database, label).tenantId();
    }

    public Actor user(TenantId tenant, String email, Role role) {
        User user = new UserRepository(database.tenants()).create(tenant, email, email, role, "UTC", null);
        return Actor.user(tenant, user.id(), role);
    }

    public Contact contact(Actor actor, String first, String email) {
        return core.contacts().create(actor, Map.of("firstName", first, "lastName", "Test", "email", email));
    }

    public OutboxDispatcher dispatcher(OutboxHandler... handlers) {
        return new OutboxDispatcher(database, List.of(handlers), Duration.ofMillis(200), 5);
    }

    @Override
    public void close() {
        mail.stop();
        database.close();
    }
}
