package io.intelligencecrm.web.company;

import io.intelligencecrm.core.company.CompanyQuery;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.paging.NumberedPage;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Pager;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Companies by name with their contact and open deal counts; a company's page with its people and deals. */
public final class CompaniesPage {
    private static final int PAGE_SIZE = 50;
    private static final int ON_COMPANY_PAGE = 50;

    private final PageGate gate;
    private final Templates templates;
    private final CompanyService companies;
    private final ContactService contacts;
    private final DealService deals;

    public CompaniesPage(PageGate gate, Templates templates, CompanyService companies, ContactService contacts,
                         DealService deals) {
        this.gate = gate;
        this.templates = templates;
        this.companies = companies;
        this.contacts = contacts;
        this.deals = deals;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/companies", gate.signedIn(this::list));
        routes.get("/companies/{id}", gate.signedIn(this::company));
    }

    void list(Context ctx, Signed signed) {
        String q = ctx.queryParam("q") == null || ctx.queryParam("q").isBlank() ? null : ctx.queryParam("q").strip();
        NumberedPage<CompanyService.CompanyRow> page = companies.page(signed.actor(),
                new CompanyQuery(q, null, null, null, "name", false, null, PAGE_SIZE, false), Pager.requested(ctx.queryParam("page")));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", gate.shell(ctx, signed, "Companies", "companies"));
        params.put("q", q);
        params.put("page", page);
        params.put("pages", Pager.of(page, number -> "/companies" + query(q, number)));
        templates.page(ctx, "companies.jte", params);
    }

    void company(Context ctx, Signed signed) {
        var actor = signed.actor();
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw CrmException.notFound("Company");
        }
        var details = companies.details(actor, id);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", gate.shell(ctx, signed, details.company().name(), "companies"));
        params.put("details", details);
        params.put("people", contacts.list(actor, new ContactQuery(null, null, null, id, null, null, null, null, null, null,
                null, Map.of(), "name", false, null, ON_COMPANY_PAGE, false)).items());
        params.put("deals", deals.list(actor, new DealQuery(null, null, null, null, id, null, null, null, null, null,
                "updated", true, null, ON_COMPANY_PAGE, false)).items());
        templates.page(ctx, "company.jte", params);
    }

    private static String query(String q, int page) {
        StringBuilder query = new StringBuilder();
        if (q != null) query.append("?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (page > 1) query.append(query.isEmpty() ? "?" : "&").append("page=").append(page);
        return query.toString();
    }
}
