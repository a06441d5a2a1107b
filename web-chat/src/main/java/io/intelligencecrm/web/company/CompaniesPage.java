package io.intelligencecrm.web.company;

import io.intelligencecrm.core.company.CompanyQuery;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Companies by name, searchable, each linking to its contacts. */
public final class CompaniesPage {
    private static final int PAGE_SIZE = 50;

    private final PageGate gate;
    private final Templates templates;
    private final CompanyService companies;

    public CompaniesPage(PageGate gate, Templates templates, CompanyService companies) {
        this.gate = gate;
        this.templates = templates;
        this.companies = companies;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/companies", gate.signedIn(this::list));
    }

    void list(Context ctx, Signed signed) {
        String q = ctx.queryParam("q") == null || ctx.queryParam("q").isBlank() ? null : ctx.queryParam("q");
        var page = companies.list(signed.actor(), new CompanyQuery(q, null, null, null, "name", false,
                ctx.queryParam("cursor"), PAGE_SIZE, false));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", gate.shell(signed, "Companies", "companies"));
        params.put("q", q);
        params.put("companies", page.items());
        params.put("nextPage", page.nextCursor() == null ? null : "/companies?" + (q == null ? ""
                : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&") + "cursor=" + page.nextCursor());
        templates.page(ctx, "companies.jte", params);
    }
}
