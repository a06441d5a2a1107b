package io.intelligencecrm.core.record;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The record services (companies, contacts, deals) on a fresh database, with a tenant, its people by role,
 * and a change subscriber that takes every change, so tests can read what was audited and published.
 */
final class RecordFixture implements AfterAllCallback, AutoCloseable {
    static final String CHANGES = "test.changes";

    final Database database = TestPostgres.get().openFreshDatabase(2);
    final TenantId tenant = TestTenants.create(database, "records").tenantId();
    final Actor admin;
    final Actor manager;
    final Actor rep;
    final Actor otherRep;
    final Actor viewer;
    final CompanyService companies;
    final ContactService contacts;
    final DealService deals;

    RecordFixture() {
        UserRepository users = new UserRepository(database.tenants());
        admin = user(users, "admin", Role.ADMIN);
        manager = user(users, "manager", Role.MANAGER);
        rep = user(users, "rep", Role.REP);
        otherRep = user(users, "other", Role.REP);
        viewer = user(users, "viewer", Role.VIEWER);
        AuditTrail audit = new AuditTrail(database.tenants());
        ChangeFeed changes = new ChangeFeed(new Outbox(database.tenants()), List.of(new EveryChange()));
        companies = new CompanyService(database.tenants(), audit, changes);
        contacts = new ContactService(database.tenants(), audit, changes, companies, List.of());
        deals = new DealService(database.tenants(), audit, changes, companies, Clock.systemUTC());
    }

    private Actor user(UserRepository users, String name, Role role) {
        String email = name + "@records.example";
        return Actor.user(tenant, users.create(tenant, email, name, role, "UTC", null).id(), role);
    }

    /** The audit actions recorded for one record, oldest first. */
    List<String> audited(UUID entityId) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery(
                        "select action from audit_log where entity_id = :id order by id")
                .bind("id", entityId).mapTo(String.class).list());
    }

    /** The change actions published for one record, oldest first. */
    List<String> published(UUID entityId) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select payload ->> 'action' from outbox
                         where kind = :kind and payload ->> 'entityId' = :id order by id""")
                .bind("kind", CHANGES).bind("id", entityId.toString()).mapTo(String.class).list());
    }

    /** Registered as {@code @RegisterExtension static final RecordFixture fixture}: closed after the class. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        database.close();
    }

    private static final class EveryChange implements ChangeSubscriber {
        @Override
        public String outboxKind() {
            return CHANGES;
        }

        @Override
        public boolean coalescePerRecord() {
            return false;
        }

        @Override
        public boolean wants(RecordChange change) {
            return true;
        }
    }
}
