package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.tools.audience.AudienceTools;
import io.intelligencecrm.tools.audience.EmailAudience;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudienceToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final AudienceTools tools = new AudienceTools(fixture.services, fixture.suppressions);

    private UUID contact(String first, String email, String stage, String country, UUID owner, String company) {
        return fixture.database.tenants().inTenant(fixture.tenant, handle -> handle.createQuery("""
                        insert into contacts (tenant_id, owner_id, company_id, first_name, last_name, email,
                                              lifecycle_stage, country)
                        values (crm_current_tenant(), :owner,
                                (select id from companies where name = :company), :first, 'Audience', :email, :stage,
                                :country)
                        returning id""")
                .bind("owner", owner).bind("company", company).bind("first", first).bind("email", email)
                .bind("stage", stage).bind("country", country).mapTo(UUID.class).one());
    }

    /** The fixture's user zone is Europe/London, so "yesterday" is London's. */
    private static String yesterdayNoon() {
        return ZonedDateTime.now(ZoneId.of("Europe/London")).minusDays(1).withHour(12).toInstant().toString();
    }

    private static List<String> names(EmailAudience audience) {
        return audience.rows().stream().map(row -> String.valueOf(row.get(1))).sorted().toList();
    }

    @Test
    void the_group_is_narrowed_by_stage_owner_and_country_and_the_unreachable_are_named() {
        UUID sam = fixture.manager.userId();
        contact("Anke", "anke@audience-de.example", "customer", "DE", sam, null);
        contact("Bernd", null, "customer", "DE", sam, null);
        contact("Clara", "clara@audience-de.example", "customer", "DE", sam, null);
        contact("Dieter", "dieter@audience-de.example", "customer", "DE", fixture.rep.userId(), null);
        contact("Elke", "elke@audience-de.example", "lead", "DE", sam, null);
        fixture.suppressions.suppress(fixture.tenant, "CLARA@audience-de.example", "email", "unsubscribed", null);

        EmailAudience audience = tools.findEmailAudience("Audience", "customer", null, "Germany", true, null, null,
                as(fixture.manager));

        assertEquals(List.of("Anke Audience"), names(audience));
        assertEquals(3, audience.matching());
        assertEquals(List.of("Bernd Audience"), audience.withoutEmail());
        assertEquals(List.of("Clara Audience <clara@audience-de.example>"), audience.unsubscribed());
    }

    @Test
    void who_was_met_in_a_period_is_found_from_the_timeline() {
        UUID met = contact("Fiona", "fiona@audience-met.example", "lead", null, fixture.manager.userId(), null);
        UUID called = contact("Gus", "gus@audience-met.example", "lead", null, fixture.manager.userId(), null);
        fixture.services.interactions().log(fixture.manager, Map.of("contactId", met.toString(), "type", "meeting",
                "content", "kick-off", "occurredAt", yesterdayNoon()));
        fixture.services.interactions().log(fixture.manager, Map.of("contactId", called.toString(), "type", "call",
                "content", "check-in", "occurredAt", yesterdayNoon()));

        EmailAudience audience = tools.findEmailAudience("audience-met", null, null, null, null, "yesterday",
                "meeting", as(fixture.manager));

        assertEquals(List.of("Fiona Audience"), names(audience));
    }

    @Test
    void a_group_over_the_cap_is_cut_and_counted() {
        fixture.database.tenants().inTenant(fixture.tenant, handle -> handle.createUpdate("""
                insert into contacts (tenant_id, first_name, last_name, email, lifecycle_stage)
                select crm_current_tenant(), 'Many', 'Capped' || n, 'many' || n || '@audience-cap.example', 'lead'
                  from generate_series(1, 53) n""").execute());

        EmailAudience audience = tools.findEmailAudience("audience-cap", null, null, null, null, null, null,
                as(fixture.manager));

        assertEquals(50, audience.rows().size());
        assertEquals(3, audience.overCap());
        assertTrue(audience.note().contains("3 more are left out"), audience.note());
    }

    @Test
    void a_reps_group_leaves_out_colleagues_contacts_by_name() {
        contact("Hana", "hana@audience-rep.example", "lead", null, fixture.rep.userId(), null);
        contact("Ivo", "ivo@audience-rep.example", "lead", null, fixture.manager.userId(), null);

        EmailAudience audience = tools.findEmailAudience("audience-rep", null, null, null, null, null, null,
                as(fixture.rep));

        assertEquals(List.of("Hana Audience"), names(audience));
        assertEquals(List.of("Ivo Audience"), audience.notYours());
    }

    @Test
    void an_unknown_country_is_a_field_error() {
        CrmException error = assertThrows(CrmException.class, () -> tools.findEmailAudience(null, null, null,
                "Atlantis", null, null, null, as(fixture.manager)));
        assertTrue(error.getMessage().contains("country"), error.getMessage());
    }
}
