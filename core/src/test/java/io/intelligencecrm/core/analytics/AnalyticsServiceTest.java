package io.intelligencecrm.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.company.CompanyRepository;
import io.intelligencecrm.core.company.NewCompany;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactRepository;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.NewContact;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealRepository;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.NewDeal;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Direction;
import io.intelligencecrm.core.interaction.InteractionRepository;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.core.interaction.NewInteraction;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnalyticsServiceTest {
    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Database database;
    private static AnalyticsService analytics;
    private static TenantId demo;
    private static Actor admin;
    private static User rep;
    private static TenantId other;
    private static Actor otherAdmin;

    @BeforeAll
    static void seed() {
        database = TestPostgres.get().openFreshDatabase(4);
        Tenant tenant = new DemoData(new TenantDirectory(database.jdbi()), new TenantProvisioning(database.ownerJdbi()),
                database.tenants(), new PasswordHasher(), Clock.systemUTC()).ensureSeeded();
        demo = tenant.tenantId();
        List<User> team = new UserRepository(database.tenants()).list(demo);
        User alex = team.stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow();
        rep = team.stream().filter(u -> u.role() == Role.REP).findFirst().orElseThrow();
        admin = Actor.user(demo, alex.id(), Role.ADMIN);
        other = TestTenants.create(database, "analytics-b").tenantId();
        User bob = new UserRepository(database.tenants()).create(other, "bob@b.example", "Bob Other", Role.ADMIN,
                "UTC", null);
        otherAdmin = Actor.user(other, bob.id(), Role.ADMIN);
        analytics = new AnalyticsService(database.tenants(), CLOCK);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static long count(TenantId tenant, String sql, Map<String, Object> binds) {
        return database.tenants().inTenant(tenant, handle -> {
            var query = handle.createQuery(sql);
            binds.forEach(query::bind);
            return query.mapTo(Long.class).one();
        });
    }

    private static Period period(String text) {
        return Period.parse(text, ZoneOffset.UTC, CLOCK);
    }

    @Test
    void counts_new_leads_per_day_for_short_periods() {
        Period week = period("last 7 days");
        AnalyticsTable table = analytics.newLeads(admin, week);
        assertEquals(List.of("Day", "New leads"), table.columns());
        assertEquals(7, table.rows().size());
        for (List<Object> row : table.rows()) {
            LocalDate day = LocalDate.parse((String) row.get(0));
            long expected = count(demo, "select count(*) from contacts where created_at >= :from and created_at < :to"
                    + " and deleted_at is null", Map.of("from", day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    "to", day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            assertEquals(expected, row.get(1), "leads on " + day);
        }
    }

    @Test
    void groups_new_leads_by_week_beyond_a_month_with_the_total_in_the_title() {
        Period quarter = period("last 90 days");
        AnalyticsTable table = analytics.newLeads(admin, quarter);
        assertEquals("Week of", table.columns().get(0));
        assertEquals("line", table.chartKind());
        long expectedTotal = count(demo, "select count(*) from contacts where created_at >= :from and created_at < :to",
                Map.of("from", quarter.start(ZoneOffset.UTC), "to", quarter.end(ZoneOffset.UTC)));
        long summed = table.rows().stream().mapToLong(row -> (Long) row.get(1)).sum();
        assertEquals(expectedTotal, summed);
        assertTrue(expectedTotal > 0, "the demo creates contacts over the last 180 days");
        assertTrue(table.title().contains(expectedTotal + " in total"), table.title());
        table.rows().forEach(row -> assertEquals(java.time.DayOfWeek.MONDAY,
                LocalDate.parse((String) row.get(0)).getDayOfWeek()));
    }

    @Test
    void lists_pipeline_value_by_stage() {
        AnalyticsTable table = analytics.pipelineByStage(admin, null);
        List<Object[]> expected = database.tenants().inTenant(demo, handle -> handle.createQuery("""
                        select stage, currency, count(*) as n, sum(amount) as total from deals
                         where stage not in ('won', 'lost') and deleted_at is null
                         group by stage, currency
                         order by array_position(array['prospecting','qualification','proposal','negotiation'], stage),
                                  currency""")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2).trim(), rs.getLong(3),
                        rs.getBigDecimal(4)}).list());
        assertEquals(expected.size(), table.rows().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(List.of(expected.get(i)), table.rows().get(i));
        }
        AnalyticsTable repsOwn = analytics.pipelineByStage(admin, rep.id());
        long repDeals = repsOwn.rows().stream().mapToLong(row -> (Long) row.get(2)).sum();
        assertEquals(count(demo, "select count(*) from deals where owner_id = :owner and closed_at is null",
                Map.of("owner", rep.id())), repDeals);
    }

    @Test
    void lists_open_deals_closing_in_the_period_soonest_first() {
        Period next = period("next 60 days");
        AnalyticsTable table = analytics.dealsClosing(admin, next);
        List<String> expected = database.tenants().inTenant(demo, handle -> handle.createQuery("""
                        select name from deals
                         where stage not in ('won', 'lost')
                           and expected_close_date between :from and :last
                         order by expected_close_date, amount desc, name""")
                .bind("from", next.from()).bind("last", next.toExclusive().minusDays(1))
                .mapTo(String.class).list());
        assertEquals(expected, table.rows().stream().map(row -> row.get(0)).toList());
        assertEquals("table", table.chartKind());
        table.rows().forEach(row -> {
            assertFalse(List.of("won", "lost").contains(row.get(3)));
            assertTrue(List.of("Sam Rivera", "Jordan Lee").contains(row.get(2)), "owner name " + row.get(2));
        });
    }

    @Test
    void counts_activity_per_rep_and_type() {
        Period month = period("last 30 days");
        AnalyticsTable table = analytics.activityByRep(admin, month);
        Map<String, Object> range = Map.of("from", month.start(ZoneOffset.UTC), "to", month.end(ZoneOffset.UTC));
        long total = table.rows().stream().mapToLong(row -> (Long) row.get(7)).sum();
        assertEquals(count(demo, "select count(*) from interactions where occurred_at >= :from and occurred_at < :to",
                range), total);
        List<Object> jordan = table.rows().stream().filter(row -> row.get(0).equals("Jordan Lee")).findFirst()
                .orElseThrow();
        Map<String, Object> jordanRange = new java.util.HashMap<>(range);
        jordanRange.put("author", rep.id());
        assertEquals(count(demo, "select count(*) from interactions where author_id = :author and type = 'call'"
                + " and occurred_at >= :from and occurred_at < :to", jordanRange), jordan.get(1));
        assertEquals(count(demo, "select count(*) from interactions where author_id = :author and type = 'email'"
                + " and occurred_at >= :from and occurred_at < :to", jordanRange), jordan.get(2));
    }

    @Test
    void computes_conversion_to_customer_per_source() {
        Period year = period("last 365 days");
        AnalyticsTable table = analytics.conversionBySource(admin, year);
        assertEquals(6, table.rows().size(), "the demo uses six sources");
        for (List<Object> row : table.rows()) {
            Map<String, Object> binds = Map.of("source", row.get(0), "from", year.start(ZoneOffset.UTC));
            long created = count(demo, "select count(*) from contacts where source = :source and created_at >= :from",
                    binds);
            long customers = count(demo, "select count(*) from contacts where source = :source and created_at >= :from"
                    + " and lifecycle_stage = 'customer'", binds);
            assertEquals(created, row.get(1));
            assertEquals(customers, row.get(2));
            assertEquals(customers * 100.0 / created,
                    ((BigDecimal) row.get(3)).doubleValue(), 0.051);
        }
    }

    @Test
    void finds_stale_deals_by_activity_on_the_deal_or_its_contact() {
        TenantId tenant = TestTenants.create(database, "stale").tenantId();
        User owner = new UserRepository(database.tenants()).create(tenant, "owner@stale.example", "Olive Owner",
                Role.REP, "UTC", null);
        UUID company = new CompanyRepository(database.tenants()).create(tenant, new NewCompany("Stale Ltd", null, null,
                null, null, null, owner.id(), Map.of())).id();
        ContactRepository contacts = new ContactRepository(database.tenants());
        Contact busy = contacts.create(tenant, new NewContact(company, owner.id(), "Busy", "Person", null, null, null,
                LifecycleStage.LEAD, null, null, Map.of()));
        Contact quiet = contacts.create(tenant, new NewContact(company, owner.id(), "Quiet", "Person", null, null, null,
                LifecycleStage.LEAD, null, null, Map.of()));
        DealRepository deals = new DealRepository(database.tenants());
        Deal active = deals.create(tenant, new NewDeal("Active deal", busy.id(), company, owner.id(),
                DealStage.PROPOSAL, new BigDecimal("100.00"), "USD", null, null, null));
        Deal oldTouch = deals.create(tenant, new NewDeal("Old touch", quiet.id(), company, owner.id(),
                DealStage.NEGOTIATION, new BigDecimal("200.00"), "EUR", null, null, null));
        Deal untouched = deals.create(tenant, new NewDeal("Untouched", null, company, owner.id(),
                DealStage.PROSPECTING, new BigDecimal("300.00"), "USD", null, null, null));
        deals.create(tenant, new NewDeal("Closed quietly", null, company, owner.id(), DealStage.WON,
                new BigDecimal("400.00"), "USD", null, NOW.minus(Duration.ofDays(50)), null));
        InteractionRepository interactions = new InteractionRepository(database.tenants());
        interactions.create(tenant, new NewInteraction(busy.id(), null, InteractionType.CALL, Direction.OUTBOUND, null,
                "called", NOW.minus(Duration.ofDays(2)), owner.id()));
        interactions.create(tenant, new NewInteraction(quiet.id(), oldTouch.id(), InteractionType.NOTE,
                Direction.INTERNAL, null, "old", NOW.minus(Duration.ofDays(20).plusHours(1)), owner.id()));
        database.tenants().useTenant(tenant, handle -> handle.createUpdate(
                        "update deals set created_at = :created where name in ('Untouched', 'Closed quietly')")
                .bind("created", NOW.minus(Duration.ofDays(45)).minusSeconds(60)).execute());
        Actor actor = Actor.user(tenant, owner.id(), Role.REP);

        AnalyticsTable table = analytics.staleDeals(actor, 14);

        assertEquals(List.of(
                List.of("Untouched", "Stale Ltd", "Olive Owner", "prospecting", new BigDecimal("300.00"), "USD",
                        "never", 45L),
                List.of("Old touch", "Stale Ltd", "Olive Owner", "negotiation", new BigDecimal("200.00"), "EUR",
                        LocalDate.ofInstant(NOW.minus(Duration.ofDays(20).plusHours(1)), ZoneOffset.UTC).toString(),
                        20L)), table.rows());
        assertEquals(List.of("Untouched"), analytics.staleDeals(actor, 21).rows().stream().map(r -> r.get(0)).toList());
        assertTrue(analytics.staleDeals(actor, 60).rows().isEmpty());
        assertFalse(table.rows().stream().anyMatch(row -> row.get(0).equals(active.name())));
    }

    @Test
    void never_shows_another_tenants_data() {
        UUID company = new CompanyRepository(database.tenants()).create(other, new NewCompany("Secret B Corp", null,
                null, null, null, null, otherAdmin.userId(), Map.of())).id();
        Contact secret = new ContactRepository(database.tenants()).create(other, new NewContact(company,
                otherAdmin.userId(), "Secret", "Contact", null, null, null, LifecycleStage.CUSTOMER, "tenant-b-only",
                null, Map.of()));
        new DealRepository(database.tenants()).create(other, new NewDeal("Secret B deal", secret.id(), company,
                otherAdmin.userId(), DealStage.PROPOSAL, new BigDecimal("999999.00"), "JPY",
                LocalDate.now(CLOCK).plusDays(3), null, null));
        new InteractionRepository(database.tenants()).create(other, new NewInteraction(secret.id(), null,
                InteractionType.SMS, Direction.OUTBOUND, null, "psst", NOW.minus(Duration.ofHours(1)),
                otherAdmin.userId()));

        List<AnalyticsTable> demoTables = List.of(analytics.newLeads(admin, period("today")),
                analytics.pipelineByStage(admin, null), analytics.dealsClosing(admin, period("next 30 days")),
                analytics.activityByRep(admin, period("today")), analytics.conversionBySource(admin, period("today")),
                analytics.staleDeals(admin, 1));
        String shown = demoTables.toString();
        for (String leaked : List.of("Secret B", "tenant-b-only", "Bob Other", "JPY", "999999")) {
            assertFalse(shown.contains(leaked), leaked + " leaked into " + shown);
        }
        assertEquals(List.of(List.of("proposal", "JPY", 1L, new BigDecimal("999999.00"))),
                analytics.pipelineByStage(otherAdmin, null).rows());
        assertEquals(List.of(List.of("tenant-b-only", 1L, 1L, new BigDecimal("100.0"))),
                analytics.conversionBySource(otherAdmin, period("today")).rows());
        assertEquals(1L, analytics.activityByRep(otherAdmin, period("today")).rows().getFirst().get(6));
    }
}
