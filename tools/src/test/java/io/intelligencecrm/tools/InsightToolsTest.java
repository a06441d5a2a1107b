package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.tools.analytics.AnalyticsTools;
import io.intelligencecrm.tools.analytics.RecordCountTools;
import io.intelligencecrm.tools.analytics.RecordCountTools.RecordCount;
import io.intelligencecrm.tools.company.CompanyReadTools;
import io.intelligencecrm.tools.company.CompanyReadTools.AccountView;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filters and questions reps asked for, on the seeded demo tenant, checked against the database. */
class InsightToolsTest {
    private final ToolFixture fixture = ToolFixture.get();

    @Test
    void deals_over_an_amount_are_found_and_a_close_period_narrows_them() {
        DealReadTools deals = new DealReadTools(fixture.services);
        TableResult big = deals.findDeals(null, null, null, null, null, "20k", null, null, as(fixture.rep));
        long expected = fixture.count("select count(*) from deals where amount >= 20000 and deleted_at is null", Map.of());
        assertTrue(expected > 0, "the demo has deals over 20k");
        assertEquals(expected, big.totalRows());
        big.rows().forEach(row -> assertTrue(((BigDecimal) row.get(5)).compareTo(new BigDecimal("20000")) >= 0));
        TableResult mineClosing = deals.findDeals(null, null, true, true, null, null, "$1m", "next 90 days",
                as(fixture.rep));
        mineClosing.rows().forEach(row -> assertEquals("Jordan Lee", row.get(8)));
        assertEquals(fixture.count("""
                select count(*) from deals where owner_id = :owner and closed_at is null and deleted_at is null
                   and expected_close_date between current_date and current_date + 89""",
                Map.of("owner", fixture.rep.userId())), mineClosing.totalRows(), 1.0);
        assertThrows(CrmException.class, () -> deals.findDeals(null, null, null, null, null, "lots", null, null,
                as(fixture.rep)));
    }

    @Test
    void a_named_team_members_records_are_theirs_and_an_unknown_name_is_a_clear_error() {
        DealReadTools deals = new DealReadTools(fixture.services);
        long jordans = fixture.count("select count(*) from deals where owner_id = :owner and deleted_at is null",
                Map.of("owner", fixture.rep.userId()));
        assertTrue(jordans > 0, "the demo rep owns deals");
        for (String owner : List.of("Jordan", "jordan's", "Jordan Lee", "jordan@demo.example")) {
            TableResult theirs = deals.findDeals(null, null, null, null, owner, null, null, null, as(fixture.manager));
            assertEquals(jordans, theirs.totalRows(), owner);
            assertEquals("Jordan Lee's deals", theirs.title());
        }
        assertEquals("Your deals", deals.findDeals(null, null, null, null, "me", null, null, null, as(fixture.rep)).title());
        long all = fixture.count("select count(*) from deals where deleted_at is null", Map.of());
        assertEquals(all, deals.findDeals(null, null, null, null, "the team", null, null, null, as(fixture.rep))
                .totalRows());
        TableResult samsContacts = new ContactReadTools(fixture.services).searchContacts(null, null, null, null, "Sam",
                null, null, null, null, as(fixture.rep));
        assertEquals(fixture.count("select count(*) from contacts where owner_id = :owner and deleted_at is null",
                Map.of("owner", fixture.manager.userId())), samsContacts.totalRows());
        RecordCount count = new RecordCountTools(fixture.services).countRecords("deals", null, null, true, null,
                "Jordan", null, as(fixture.viewer));
        assertEquals("open deals owned by Jordan Lee", count.counted());
        CrmException unknown = assertThrows(CrmException.class, () -> deals.findDeals(null, null, null, null, "Pat",
                null, null, null, as(fixture.rep)));
        assertTrue(unknown.fieldErrors().get("owner").contains("Jordan Lee"), "the error lists the team");
        assertThrows(CrmException.class, () -> deals.findDeals(null, null, null, true, "Sam", null, null, null,
                as(fixture.rep)));
        assertThrows(CrmException.class, () -> new RecordCountTools(fixture.services).countRecords("tasks", null, null,
                null, null, "Sam", null, as(fixture.rep)), "reps count only their own tasks");
    }

    @Test
    void my_leads_with_a_score_over_a_threshold_are_listed_best_first() {
        List<UUID> leads = fixture.freshContactsOwnedBy(fixture.rep, 2);
        fixture.database.tenants().useTenant(fixture.tenant, handle -> {
            handle.createUpdate("update contacts set lifecycle_stage = 'lead' where id in (<ids>)")
                    .bindList("ids", leads).execute();
            for (int i = 0; i < leads.size(); i++) {
                handle.createUpdate("insert into lead_scores (tenant_id, contact_id, score, model_version) "
                        + "values (crm_current_tenant(), :id, :score, 'test')")
                        .bind("id", leads.get(i)).bind("score", 97 - i).execute();
            }
        });
        TableResult hot = new ContactReadTools(fixture.services).searchContacts(null, "lead", null, true, null, 20, 90,
                null, null, as(fixture.rep));
        List<Object> ids = hot.rows().stream().map(row -> row.getFirst()).toList();
        assertTrue(ids.containsAll(leads.stream().map(UUID::toString).toList()), hot.toString());
        hot.rows().forEach(row -> assertTrue(((BigDecimal) row.get(6)).intValue() >= 90));
        List<BigDecimal> scores = hot.rows().stream().map(row -> (BigDecimal) row.get(6)).toList();
        assertEquals(scores.stream().sorted(java.util.Comparator.reverseOrder()).toList(), scores, "best first");
        assertThrows(CrmException.class, () -> new ContactReadTools(fixture.services).searchContacts(null, null, null,
                null, null, null, 120, null, null, as(fixture.rep)));
    }

    @Test
    void counts_name_what_was_counted_and_match_the_database() {
        RecordCountTools tools = new RecordCountTools(fixture.services);
        Map<String, Object> company = fixture.database.tenants().inTenant(fixture.tenant, handle -> handle.createQuery(
                "select id, name from companies where deleted_at is null order by name limit 1").mapToMap().one());
        RecordCount atCompany = tools.countRecords("contacts", null, (String) company.get("name"), null, null, null, null,
                as(fixture.viewer));
        assertEquals(fixture.count("select count(*) from contacts where company_id = :id and deleted_at is null",
                Map.of("id", company.get("id"))), atCompany.count());
        assertEquals("contacts at " + company.get("name"), atCompany.counted());
        RecordCount myOpen = tools.countRecords("deals", null, null, true, true, null, null, as(fixture.rep));
        assertEquals(fixture.count("select count(*) from deals where owner_id = :owner and closed_at is null"
                + " and deleted_at is null", Map.of("owner", fixture.rep.userId())), myOpen.count());
        assertEquals("open deals owned by you", myOpen.counted());
        assertEquals(fixture.count("select count(*) from contacts where lifecycle_stage = 'lead' and deleted_at is null",
                Map.of()), tools.countRecords("leads", null, null, null, null, null, null, as(fixture.rep)).count());
        assertThrows(CrmException.class, () -> tools.countRecords("unicorns", null, null, null, null, null, null,
                as(fixture.rep)));
    }

    @Test
    void revenue_closed_stale_contacts_and_an_account_summary() {
        AnalyticsTools analytics = new AnalyticsTools(fixture.services);
        TableResult year = analytics.closedRevenue("last 365 days", null, null, as(fixture.manager));
        long won = fixture.count("select count(*) from deals where stage = 'won' and deleted_at is null"
                + " and closed_at >= now() - interval '364 days'", Map.of());
        assertEquals(won, year.rows().stream().mapToLong(row -> (Long) row.get(1)).sum(), 1.0);
        TableResult stale = analytics.staleContacts(1, true, null, as(fixture.rep));
        assertEquals("id", stale.columns().getFirst());
        assertTrue(stale.rows().size() <= ToolArguments.MAX_ROWS);

        Map<String, Object> company = fixture.database.tenants().inTenant(fixture.tenant, handle -> handle.createQuery("""
                select co.id, co.name, count(c.id) as people from companies co join contacts c on c.company_id = co.id
                 where co.deleted_at is null and c.deleted_at is null group by co.id, co.name order by people desc limit 1""")
                .mapToMap().one());
        AccountView account = new CompanyReadTools(fixture.services).accountSummary(company.get("id").toString(),
                as(fixture.viewer));
        assertEquals(((Number) company.get("people")).longValue(), account.contactCount());
        assertEquals(fixture.count("select count(*) from deals where company_id = :id and closed_at is null"
                + " and deleted_at is null", Map.of("id", company.get("id"))), account.openDealCount());
        assertTrue(account.contacts().size() <= 10 && !account.contacts().isEmpty());
        String name = ((String) company.get("name")).toUpperCase(java.util.Locale.ROOT);
        assertEquals(company.get("id"), new CompanyReadTools(fixture.services).accountSummary(name, as(fixture.rep))
                .companyId(), "by its name too");
    }
}
