package io.intelligencecrm.core.match;

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
import io.intelligencecrm.core.deal.DealRepository;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.NewDeal;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.postgres.TrigramOperators;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordMatcherTest {
    private static Database database;
    private static RecordMatcher matcher;
    private static Actor rep;
    private static TenantId tenant;
    private static Contact janePark;
    private static Contact janeDoe;
    private static Contact priyaA;
    private static Contact priyaB;
    private static UUID acme;
    private static UUID bExample;
    private static TenantId other;
    private static Set<UUID> otherTenantIds;
    private static Actor otherAdmin;

    @BeforeAll
    static void seed() {
        database = TestPostgres.get().openFreshDatabase(2);
        tenant = TestTenants.create(database, "match").tenantId();
        UserRepository users = new UserRepository(database.tenants());
        rep = Actor.user(tenant, users.create(tenant, "jordan@m.example", "Jordan Lee", Role.REP, "UTC", null).id(),
                Role.REP);
        CompanyRepository companies = new CompanyRepository(database.tenants());
        acme = company(companies, "Acme Corporation", "acme.example");
        bExample = company(companies, "Bravo Example Ltd", "b.example");
        UUID aExample = company(companies, "Alpha Example", "a.example");
        ContactRepository contacts = new ContactRepository(database.tenants());
        janePark = contact(contacts, acme, "Jane", "Park", "jane.park@acme.example");
        janeDoe = contact(contacts, null, "Jane", "Doe", "jane@doe.example");
        contact(contacts, null, "Janet", "Parker", null);
        priyaA = contact(contacts, aExample, "Priya", "Raman", "priya@a.example");
        priyaB = contact(contacts, bExample, "Priya", "Raman", "priya@b.example");
        new DealRepository(database.tenants()).create(tenant, new NewDeal("Acme renewal", janePark.id(), acme,
                rep.userId(), DealStage.PROPOSAL, new BigDecimal("5000"), "USD", null, null, null));
        other = TestTenants.create(database, "match-other").tenantId();
        UUID zephyr = companies.create(other, new NewCompany("Zephyrine Holdings", "zephyrine.example", null, null,
                null, null, null, Map.of())).id();
        UUID quentin = contacts.create(other, new NewContact(zephyr, null, "Quentin", "Zephyrine", "q@zephyrine.example",
                null, null, LifecycleStage.LEAD, null, null, Map.of())).id();
        UUID parkinson = contacts.create(other, new NewContact(null, null, "Jane", "Parkinson", "jp@other.example",
                null, null, LifecycleStage.LEAD, null, null, Map.of())).id();
        UUID ximena = users.create(other, "ximena@zephyrine.example", "Ximena Quarterfield", Role.ADMIN, "UTC", null).id();
        UUID rollout = new DealRepository(database.tenants()).create(other, new NewDeal("Zephyrine rollout", quentin,
                zephyr, ximena, DealStage.PROPOSAL, new BigDecimal("9000"), "USD", null, null, null)).id();
        otherTenantIds = Set.of(zephyr, quentin, parkinson, ximena, rollout);
        otherAdmin = Actor.user(other, ximena, Role.ADMIN);
        matcher = new RecordMatcher(database.tenants());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static UUID company(CompanyRepository companies, String name, String domain) {
        return companies.create(tenant, new NewCompany(name, domain, null, null, null, null, null, Map.of())).id();
    }

    private static Contact contact(ContactRepository contacts, UUID company, String first, String last, String email) {
        return contacts.create(tenant, new NewContact(company, null, first, last, email, null, null,
                LifecycleStage.LEAD, null, null, Map.of()));
    }

    private static List<RecordMatch> match(String message, UUID... shown) {
        return matcher.match(rep, message, List.of(shown));
    }

    @Test
    void a_full_name_in_a_message_ranks_that_contact_first_even_with_a_typo() {
        RecordMatch top = match("log meeting w/ jane park tmrw 3pm re: onboarding").getFirst();
        assertEquals(janePark.id(), top.id());
        assertEquals("jane park", top.span());
        assertEquals(1.0, top.score());
        assertTrue(top.exact());
        assertEquals(15, top.start());
        RecordMatch typo = match("call jane prk about the renewal").stream().filter(m -> m.kind().equals("contact"))
                .findFirst().orElseThrow();
        assertEquals(janePark.id(), typo.id());
        assertEquals("jane prk", typo.span());
        assertFalse(match("call jane prk").getFirst().exact());
    }

    @Test
    void companies_deals_and_team_members_are_found_by_partial_names() {
        List<RecordMatch> matches = match("bump the acme corp deal and ask jordan");
        RecordMatch company = matches.stream().filter(m -> m.kind().equals("company")).findFirst().orElseThrow();
        assertEquals(acme, company.id());
        assertEquals("acme corp", company.span());
        assertTrue(matches.stream().anyMatch(m -> m.kind().equals("deal") && m.name().equals("Acme renewal")));
        RecordMatch jordan = matches.stream().filter(m -> m.kind().equals("user")).findFirst().orElseThrow();
        assertEquals(rep.userId(), jordan.id());
    }

    @Test
    void a_first_name_alone_is_ambiguous_unless_the_conversation_showed_one() {
        List<RecordMatch> janes = match("jane");
        assertTrue(janes.stream().filter(m -> m.kind().equals("contact")).count() >= 2);
        assertTrue(janes.stream().allMatch(m -> m.score() < 1.0));
        assertEquals(janeDoe.id(), match("email jane about it", janeDoe.id()).getFirst().id());
        assertTrue(match("email jane about it", janeDoe.id()).getFirst().inConversation());
    }

    @Test
    void an_address_or_a_domain_matches_exactly_and_picks_among_the_records_shown() {
        RecordMatch byEmail = match("her email is Priya@B.example").getFirst();
        assertEquals(priyaB.id(), byEmail.id());
        assertEquals("email", byEmail.field());
        List<RecordMatch> atB = match("the one at b.example", priyaA.id(), priyaB.id());
        assertEquals(Set.of(priyaB.id(), bExample), Set.of(atB.get(0).id(), atB.get(1).id()));
        assertTrue(atB.stream().noneMatch(m -> m.id().equals(priyaA.id())));
    }

    @Test
    void another_tenants_names_emails_domains_deals_and_users_never_match() {
        String theirs = "quentin zephyrine of zephyrine holdings, q@zephyrine.example, jp@other.example, "
                + "zephyrine.example, the zephyrine rollout, ask ximena quarterfield, jane parkinson";
        List<RecordMatch> matches = match(theirs);
        assertTrue(matches.stream().noneMatch(m -> otherTenantIds.contains(m.id())), matches.toString());
        List<RecordMatch> pinnedTheirs = match(theirs, otherTenantIds.toArray(UUID[]::new));
        assertTrue(pinnedTheirs.stream().noneMatch(m -> otherTenantIds.contains(m.id())),
                "their ids passed as 'shown in this conversation' find nothing either: " + pinnedTheirs);
        assertTrue(matches.stream().noneMatch(m -> m.name().contains("Zephyrine") || m.name().contains("Parkinson")
                || m.name().contains("Ximena")), matches.toString());
        assertTrue(matcher.match(otherAdmin, theirs, List.of()).stream().map(RecordMatch::id)
                .toList().containsAll(otherTenantIds), "the same text finds them in their own tenant");
    }

    /**
     * The leakproof declaration lets the trigram condition run before the tenant policy filters rows;
     * the policy still decides what comes back, even with sequential scans off and the query naming the
     * other tenant outright (the next test checks the same through the name index's plan).
     */
    @Test
    void a_forced_trigram_index_scan_returns_only_the_current_tenants_rows() {
        List<UUID> leaked = database.tenants().inTenant(tenant, handle -> {
            handle.execute("set local enable_seqscan = off");
            handle.execute("set local enable_bitmapscan = on");
            return handle.createQuery("""
                            select id from contacts where 'quentin zephyrine' <% name_text
                            union all select id from contacts where tenant_id = :other and name_text % 'jane parkinson'
                            union all select id from companies where 'zephyrine holdings' <% name
                            union all select id from deals where 'zephyrine rollout' <% name
                            union all select id from companies where tenant_id = :other and domain = 'zephyrine.example'""")
                    .bind("other", other.value()).mapTo(UUID.class).list();
        });
        assertEquals(List.of(), leaked);
        long theirs = database.tenants().inTenant(other, handle -> handle.createQuery(
                "select count(*) from contacts where 'quentin zephyrine' <% name_text").mapTo(Long.class).one());
        assertEquals(1, theirs, "the probe does find the row in its own tenant");
    }

    @Test
    void name_matching_uses_the_trigram_indexes_under_row_level_security() {
        boolean leakproof = database.jdbi().withHandle(handle -> TrigramOperators.leakproof(handle.getConnection()));
        assertTrue(leakproof, "the test cluster is bootstrapped like the product's");
        TenantId large = TestTenants.create(database, "match-large").tenantId();
        database.tenants().useTenant(large, handle -> handle.createUpdate("""
                insert into contacts (tenant_id, first_name, last_name)
                select crm_current_tenant(), 'First' || n, 'Last' || (n * 7919 % 5000) from generate_series(1, 5000) n""")
                .execute());
        database.ownerJdbi().useHandle(handle -> handle.execute("analyze contacts"));
        String plan = database.tenants().inTenant(large, handle -> String.join("\n", handle.createQuery("""
                        explain select id from contacts where 'first42 last99' <% name_text and deleted_at is null""")
                .mapTo(String.class).list()));
        assertTrue(plan.contains("contacts_name_match"), plan);
        List<UUID> otherTenants = database.tenants().inTenant(large, handle -> handle.createQuery("""
                        select id from contacts where 'quentin zephyrine' <% name_text
                        union all select id from contacts where 'jane parkinson' <% name_text""")
                .mapTo(UUID.class).list());
        assertEquals(List.of(), otherTenants, "the index holds every tenant's names; only this tenant's rows come back");
    }
}
