package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.testing.DemoLogins;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class RecordPagesTest {

    @Test
    void the_contact_list_filters_sorts_and_pages_fifty_at_a_time() {
        Page page = BrowserApp.signedIn(Role.REP);
        page.navigate("/contacts");
        assertThat(page.locator("#contacts tbody tr")).hasCount(50);
        Axe.check(page);
        Screenshots.take(page, "contacts");

        page.getByLabel("Stage").selectOption("customer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.locator("#contacts tbody .badge").first()).hasText("Customer");
        assertEquals(0, page.locator("#contacts tbody .badge:not(.stage-customer)").count());

        page.navigate("/contacts?sort=name&dir=asc");
        String first = page.locator("#contacts tbody tr td a").first().textContent();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
        assertThat(page.locator("#contacts tbody tr").first()).not().containsText(first);

        page.navigate("/contacts");
        page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true)).fill("Nakatomi");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true))).hasValue("Nakatomi Trading");
        assertEquals(page.locator("#contacts tbody tr").count(),
                page.locator("#contacts tbody tr", new Page.LocatorOptions().setHasText("Nakatomi Trading")).count());

        page.navigate("/contacts?q=zzzz-nobody");
        assertThat(page.locator(".empty")).containsText("No contact matches");
    }

    @Test
    void a_contact_is_edited_in_place_and_refused_values_are_explained() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/contacts?sort=name&dir=asc");
        page.locator("#contacts tbody tr td a").first().click();
        assertThat(page.locator("h1")).isVisible();
        Axe.check(page);
        Screenshots.take(page, "contact");
        Screenshots.dark(page, "contact");

        Locator title = page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true));
        title.fill("Head of Purchasing");
        title.press("Tab");
        assertThat(page.locator("#save-status")).hasText("Saved");
        page.reload();
        assertThat(page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))).hasValue("Head of Purchasing");

        Locator email = page.getByLabel("Email");
        String before = email.inputValue();
        email.fill("not an email");
        email.press("Tab");
        assertThat(page.locator("#e-email")).not().isEmpty();
        assertThat(email).hasAttribute("aria-invalid", "true");
        page.reload();
        assertThat(page.getByLabel("Email")).hasValue(before);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Ask the agent"))).click();
        assertThat(page.getByLabel("Message to the agent")).hasValue(java.util.regex.Pattern.compile("^tell me about "));
    }

    @Test
    void a_contact_is_added_from_the_list_and_given_to_a_colleague() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/contacts");
        page.getByText("Add a contact").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("needs a name or an email");

        page.getByLabel("First name").fill("Priya");
        page.getByLabel("Last name").fill("Listadd");
        page.getByLabel("Email").last().fill("priya.listadd@added.example");
        page.getByLabel("Company name").fill("Listadd Ltd");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Priya Listadd");

        page.getByLabel("Owner").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Jordan Lee"));
        assertThat(page.locator("#save-status")).hasText("Saved");
        page.reload();
        assertThat(page.getByLabel("Owner").locator("option:checked")).hasText("Jordan Lee");
    }

    @Test
    void a_deal_moves_on_the_board_by_drag_and_drop_and_by_keyboard() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/deals");
        Axe.check(page);
        Screenshots.take(page, "pipeline");
        Screenshots.dark(page, "pipeline");

        Locator card = page.locator(".column[data-stage=prospecting] .deal").first();
        String id = card.getAttribute("data-deal");
        String countBefore = page.locator(".column[data-stage=qualification] .count").textContent();
        card.dragTo(page.locator(".column[data-stage=qualification]"));
        assertThat(page.locator("#board-status")).containsText("moved to qualification");
        assertThat(page.locator(".column[data-stage=qualification] .count"))
                .hasText(String.valueOf(Integer.parseInt(countBefore) + 1));

        // The card's ⋯ menu, by keyboard: Enter opens it, the stage is chosen from its items.
        page.locator("#deal-" + id + " .deal-menu > button").focus();
        page.keyboard().press("Enter");
        page.getByRole(AriaRole.MENUITEMRADIO, new Page.GetByRoleOptions().setName("Negotiation")).press("Enter");
        assertThat(page.locator("#board-status")).containsText("moved to negotiation");
        var api = DemoLogins.as(BrowserApp.get(), Role.MANAGER);
        assertEquals("negotiation", api.get("/api/deals/" + id).json().path("stage").asText());
        page.reload();
        assertThat(page.locator(".column[data-stage=negotiation] #deal-" + id)).isVisible();
    }

    @Test
    void the_dashboard_updates_when_another_person_adds_a_lead_on_another_node() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/dashboard");
        assertThat(page.locator("#live")).containsText("Live");
        Axe.check(page);
        Screenshots.take(page, "dashboard");
        Screenshots.dark(page, "dashboard");
        long before = Long.parseLong(page.locator("#kpi-new-leads .value").textContent().trim());

        var otherNode = BrowserApp.secondNode();
        try {
            var rep = DemoLogins.as(otherNode, Role.REP);
            assertEquals(201, rep.post("/api/contacts", """
                    {"firstName": "Live", "lastName": "Lead", "email": "live.lead@dashboard.example"}""").status());
            assertThat(page.locator("#kpi-new-leads .value")).hasText(String.valueOf(before + 1));
            assertThat(page.locator("#live")).containsText("updated");
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void a_contact_shows_its_latest_score_with_the_explanation_and_the_trend() {
        var app = BrowserApp.get();
        var manager = DemoLogins.as(app, Role.MANAGER);
        String id = manager.post("/api/contacts", """
                {"firstName": "Scored", "lastName": "Person", "email": "scored.person@score.example"}""").json().path("id").asText();
        var tenant = app.services().directory().findBySlugOrDomain(io.intelligencecrm.core.demo.DemoData.SLUG).orElseThrow().tenantId();
        app.database().tenants().useTenant(tenant, handle -> {
            for (int[] score : new int[][] {{41, 20}, {58, 10}, {72, 1}}) {
                handle.createUpdate("""
                                insert into lead_scores (tenant_id, contact_id, score, metadata, model_version, calculated_at)
                                values (crm_current_tenant(), :id, :score, cast(:metadata as jsonb), 'rules-v1', now() - make_interval(days => :days))""")
                        .bind("id", java.util.UUID.fromString(id)).bind("score", score[0]).bind("days", score[1])
                        .bind("metadata", """
                                {"method": "model", "baseline": 0.3, "rationale": "Senior title at a company with an open deal.",
                                 "factors": [{"label": "Opened the pricing <b>email</b>", "effect": "raises it", "contribution": 0.8},
                                             {"label": "Title: VP", "effect": "raises it", "contribution": 0.4}]}""")
                        .execute();
            }
        });
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/contacts/" + id);
        assertThat(page.locator(".score-big")).hasText("72");
        assertThat(page.getByText("A 72% chance of winning: better than the average lead here (30%).", new Page.GetByTextOptions()
                .setExact(false))).isVisible();
        assertThat(page.locator(".factors li").first()).containsText("Opened the pricing <b>email</b>");
        assertThat(page.locator(".factors .meter")).hasCount(2);
        assertThat(page.locator("#score-trend svg")).isVisible();
        Axe.check(page);
        page.navigate("/contacts?scoreMin=70&scoreMax=80&q=scored");
        assertThat(page.locator("#contacts tbody tr")).hasCount(1);
    }

    @Test
    void companies_are_searchable_and_link_to_their_contacts() {
        Page page = BrowserApp.signedIn(Role.REP);
        page.navigate("/companies");
        Axe.check(page);
        Screenshots.take(page, "companies");
        page.locator("td a").first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/companies/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).isVisible();
    }
}
