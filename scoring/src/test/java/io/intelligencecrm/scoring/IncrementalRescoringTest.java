package io.intelligencecrm.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.transfer.ContactImport;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes through the core services are rescored through the outbox, after they commit. */
class IncrementalRescoringTest {
    private static Database database;
    private static CoreServices core;
    private static ScoringServices scoring;
    private static OutboxDispatcher dispatcher;
    private static Actor rep;

    @BeforeAll
    static void start() {
        database = TestPostgres.get().openFreshDatabase(4);
        Clock clock = Clock.systemUTC();
        Settings settings = Settings.from(Map.of());
        core = CoreServices.create(database, settings, clock, List.of(new RescoreSubscriber()), List.of(),
                InvitationSender.NONE, SessionRevocations.NONE);
        scoring = ScoringServices.create(database, core, settings.scoring(), clock);
        dispatcher = new OutboxDispatcher(database, List.of(scoring.rescoreHandler()), Duration.ofSeconds(1), 3);
        TenantId tenant = TestTenants.create(database, "rescoring").tenantId();
        User user = new UserRepository(database.tenants()).create(tenant, "rep@rescoring.example", "Rep", Role.REP, "UTC", null);
        rep = Actor.user(tenant, user.id(), Role.REP);
    }

    @AfterAll
    static void stop() {
        scoring.close();
        database.close();
    }

    @Test
    void a_new_contact_and_then_its_inbound_email_are_scored_after_the_write_not_during_it() {
        Contact contact = core.contacts().create(rep, Map.of("firstName", "Iris", "lastName", "Inbound",
                "email", "iris@inbound-co.example", "title", "VP Sales"));
        assertNull(score(contact.id()), "the write must not wait for scoring");

        dispatcher.drain();
        BigDecimal first = score(contact.id());
        core.interactions().log(rep, Map.of("contactId", contact.id().toString(), "type", "email",
                "direction", "inbound", "content", "We'd like a demo next week"));
        assertEquals(first, score(contact.id()));
        dispatcher.drain();
        BigDecimal second = score(contact.id());

        assertNotNull(first);
        assertTrue(second.compareTo(first) > 0, first + " then " + second);
    }

    @Test
    void imported_contacts_are_scored_through_the_outbox() {
        String csv = "name,email,title\nImke Import,imke@import-co.example,Director of IT\nOle Other,ole@import-co.example,Analyst\n";
        core.contactImport().run(rep, csv, Map.of("name", "fullName"), false, ContactImport.OnDuplicate.SKIP);
        UUID imke = database.tenants().inTenant(rep.tenant(), handle -> handle.createQuery(
                "select id from contacts where email = 'imke@import-co.example'").mapTo(UUID.class).one());

        dispatcher.drain();

        assertNotNull(score(imke));
    }

    private static BigDecimal score(UUID contact) {
        return database.tenants().inTenant(rep.tenant(), handle -> handle.createQuery(
                "select score from contacts where id = :id").bind("id", contact).mapTo(BigDecimal.class).one());
    }
}
