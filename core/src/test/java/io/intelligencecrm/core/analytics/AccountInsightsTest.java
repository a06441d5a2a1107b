package io.intelligencecrm.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.AccountSummaries;
import io.intelligencecrm.core.company.AccountSummary;
import io.intelligencecrm.core.company.CompanyRepository;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.company.NewCompany;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.ContactRepository;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.NewContact;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.deal.DealRepository;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.NewDeal;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Direction;
import io.intelligencecrm.core.interaction.InteractionRepository;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.core.interaction.NewInteraction;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Revenue closed, stale contacts, counts and account summaries on a small account built for the test. */
class AccountInsightsTest {
    // Tuesday 12 May 2026, 10:00 UTC.
    private static final Instant NOW = Instant.parse("2026-05-12T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Database database;
    private static AnalyticsService analytics;
    private static RecordCounts counts;
    private static Actor rep;
    private static Actor manager;
    private static UUID acme;
    private static Contact recent;
    private static Contact quiet;
    private static Contact never;

    @BeforeAll
    static void seed() {
        database = TestPostgres.get().openFreshDatabase(2);
        TenantId tenant = TestTenants.create(database, "insights").tenantId();
        UserRepository users = new UserRepository(database.tenants());
        rep = Actor.user(tenant, users.create(tenant, "rep@i.example", "Rita Rep", Role.REP, "UTC", null).id(), Role.REP);
        manager = Actor.user(tenant, users.create(tenant, "boss@i.example", "Max Boss", Role.MANAGER, "UTC", null).id(),
                Role.MANAGER);
        acme = new CompanyRepository(database.tenants()).create(tenant, new NewCompany("Acme Corp", "acme.example",
                null, null, null, null, rep.userId(), Map.of())).id();
        ContactRepository contacts = new ContactRepository(database.tenants());
        recent = contacts.create(tenant, new NewContact(acme, rep.userId(), "Rae", "Recent", "rae@acme.example", null,
                "CTO", LifecycleStage.CUSTOMER, null, null, Map.of()));
        quiet = contacts.create(tenant, new NewContact(acme, rep.userId(), "Quinn", "Quiet", null, null, null,
                LifecycleStage.LEAD, null, null, Map.of()));
        never = contacts.create(tenant, new NewContact(null, manager.userId(), "Nev", "Never", null, null, null,
                LifecycleStage.LEAD, null, null, Map.of()));
        database.tenants().useTenant(tenant, handle -> handle.createUpdate("update contacts set created_at = :long_ago")
                .bind("long_ago", NOW.minus(Duration.ofDays(90))).execute());
        InteractionRepository interactions = new InteractionRepository(database.tenants());
        interactions.create(tenant, new NewInteraction(recent.id(), null, InteractionType.CALL, Direction.OUTBOUND,
                "Renewal", "talked renewal", NOW.minus(Duration.ofDays(2)), rep.userId()));
        interactions.create(tenant, new NewInteraction(quiet.id(), null, InteractionType.EMAIL, Direction.OUTBOUND,
                null, "intro", NOW.minus(Duration.ofDays(40)), rep.userId()));
        DealRepository deals = new DealRepository(database.tenants());
        deals.create(tenant, new NewDeal("Acme renewal", recent.id(), acme, rep.userId(), DealStage.NEGOTIATION,
                new BigDecimal("120000.00"), "USD", LocalDate.parse("2026-06-30"), null, null));
        deals.create(tenant, new NewDeal("Acme pilot", quiet.id(), acme, rep.userId(), DealStage.PROPOSAL,
                new BigDecimal("8000.00"), "EUR", LocalDate.parse("2026-05-20"), null, null));
        // Won on 30 April at 20:00 UTC: still April in London, already 1 May in Tokyo.
        deals.create(tenant, new NewDeal("Edge of April", null, acme, rep.userId(), DealStage.WON,
                new BigDecimal("5000.00"), "USD", null, Instant.parse("2026-04-30T20:00:00Z"), null));
        deals.create(tenant, new NewDeal("Big April win", null, null, manager.userId(), DealStage.WON,
                new BigDecimal("30000.00"), "USD", null, Instant.parse("2026-04-10T12:00:00Z"), null));
        deals.create(tenant, new NewDeal("Euro April win", null, null, manager.userId(), DealStage.WON,
                new BigDecimal("7000.00"), "EUR", null, Instant.parse("2026-04-11T12:00:00Z"), null));
        deals.create(tenant, new NewDeal("Lost in April", null, null, rep.userId(), DealStage.LOST,
                new BigDecimal("9000.00"), "USD", null, Instant.parse("2026-04-12T12:00:00Z"), null));
        analytics = new AnalyticsService(database.tenants(), CLOCK);
        counts = new RecordCounts(database.tenants());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void revenue_closed_is_won_deals_per_currency_in_the_users_calendar() {
        Period lastMonth = Period.parse("last month", ZoneOffset.UTC, CLOCK);
        AnalyticsTable april = analytics.closedRevenue(manager, lastMonth, ZoneOffset.UTC, null);
        assertEquals(List.of(List.of("USD", 2L, new BigDecimal("35000.00")), List.of("EUR", 1L, new BigDecimal("7000.00"))),
                april.rows());
        assertTrue(april.title().contains("2026-04-01 to 2026-04-30"), april.title());
        AnalyticsTable tokyoApril = analytics.closedRevenue(manager, Period.parse("last month", TOKYO, CLOCK), TOKYO, null);
        assertEquals(List.of("USD", 1L, new BigDecimal("30000.00")), tokyoApril.rows().getFirst(),
                "in Tokyo the edge deal was won in May");
        assertEquals(List.of(List.of("USD", 1L, new BigDecimal("5000.00"))),
                analytics.closedRevenue(rep, lastMonth, ZoneOffset.UTC, rep.userId()).rows());
    }

    @Test
    void stale_contacts_are_those_nobody_touched_for_the_days_given_longest_silent_first() {
        AnalyticsTable stale = analytics.staleContacts(rep, 30, null);
        assertEquals(List.of(never.id().toString(), quiet.id().toString()),
                stale.rows().stream().map(row -> row.getFirst()).toList());
        assertEquals("never", stale.rows().getFirst().get(5));
        assertEquals(90L, stale.rows().getFirst().get(6));
        assertEquals(40L, stale.rows().get(1).get(6));
        assertEquals(List.of(quiet.id().toString()), analytics.staleContacts(rep, 30, rep.userId()).rows().stream()
                .map(row -> row.getFirst()).toList());
        assertEquals(3, analytics.staleContacts(rep, 1, null).rows().size());

        ContactService service = contactService();
        List<UUID> notContacted = service.list(rep, new ContactQuery(null, null, null, null, null, null, null, null,
                        null, null, null, Map.of(), null, null, null, null, false, NOW.minus(Duration.ofDays(30))))
                .items().stream().map(Contact::id).toList();
        assertEquals(java.util.Set.of(quiet.id(), never.id()), java.util.Set.copyOf(notContacted));
    }

    @Test
    void counts_answer_how_many_with_scope_company_stage_and_period() {
        assertEquals(2, counts.count(rep, new CountQuery(RecordKind.CONTACTS, null, null, acme, null, null, null)));
        assertEquals(2, counts.count(rep, new CountQuery(RecordKind.CONTACTS, null, "lead", null, null, null, null)));
        assertEquals(2, counts.count(rep, new CountQuery(RecordKind.DEALS, rep.userId(), null, null, true, null, null)));
        assertEquals(3, counts.count(rep, new CountQuery(RecordKind.DEALS, null, "won", null, null, null, null)));
        assertEquals(1, counts.count(rep, new CountQuery(RecordKind.INTERACTIONS, null, null, acme, null,
                NOW.minus(Duration.ofDays(7)), NOW)));
        assertEquals(1, counts.count(rep, new CountQuery(RecordKind.COMPANIES, null, null, null, null, null, null)));
        CrmException badStage = assertThrows(CrmException.class,
                () -> counts.count(rep, new CountQuery(RecordKind.DEALS, null, "customer", null, null, null, null)));
        assertTrue(badStage.fieldErrors().get("stage").contains("negotiation"));
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class,
                () -> counts.count(rep, new CountQuery(RecordKind.TASKS, null, null, null, true, null, null))).code());
    }

    @Test
    void an_account_summary_has_its_people_open_deals_value_and_latest_touches() {
        AccountSummary summary = new AccountSummaries(database.tenants(), companyService()).summary(manager, acme);
        assertEquals("Acme Corp", summary.company().name());
        assertEquals("Rita Rep", summary.ownerName());
        assertEquals(2, summary.contactCount());
        assertEquals(List.of("Rae Recent", "Quinn Quiet"), summary.contacts().stream().map(AccountSummary.Person::name)
                .toList());
        assertEquals(List.of("Acme pilot", "Acme renewal"), summary.openDeals().stream().map(d -> d.name()).toList());
        assertEquals(Map.of("EUR", new BigDecimal("8000.00"), "USD", new BigDecimal("120000.00")), summary.openValue());
        assertEquals(List.of("talked renewal", "intro"), summary.recentInteractions().stream()
                .map(AccountSummary.Touch::content).toList());
        assertEquals("Rae Recent", summary.recentInteractions().getFirst().contactName());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class, () -> new AccountSummaries(
                database.tenants(), companyService()).summary(manager, UUID.randomUUID())).code());
    }

    private static CompanyService companyService() {
        AuditTrail audit = new AuditTrail(database.tenants());
        return new CompanyService(database.tenants(), audit, new ChangeFeed(new Outbox(database.tenants()), List.of()));
    }

    private static ContactService contactService() {
        AuditTrail audit = new AuditTrail(database.tenants());
        return new ContactService(database.tenants(), audit, new ChangeFeed(new Outbox(database.tenants()), List.of()),
                companyService(), List.of());
    }
}
