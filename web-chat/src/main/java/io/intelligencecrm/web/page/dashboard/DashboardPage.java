package io.intelligencecrm.web.page.dashboard;

import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.analytics.AnalyticsTable;
import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.SvgCharts;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KPIs and charts drawn on the server. The panels are also served alone, so the page's script
 * swaps in fresh ones when /ws/live says the tenant's data changed (static/js/dashboard.js).
 */
public final class DashboardPage {
    private final PageGate gate;
    private final Templates templates;
    private final AnalyticsService analytics;
    private final DashboardFigures figures;
    private final Clock clock;

    public record Chart(String id, String title, String svg, AnalyticsTable table) {
    }

    public DashboardPage(PageGate gate, Templates templates, AnalyticsService analytics, DashboardFigures figures,
                         Clock clock) {
        this.gate = gate;
        this.templates = templates;
        this.analytics = analytics;
        this.figures = figures;
        this.clock = clock;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/dashboard", gate.signedIn(this::page));
        routes.get("/dashboard/panels", gate.signedIn(this::panels));
    }

    void page(Context ctx, Signed signed) {
        Map<String, Object> params = model(signed);
        params.put("shell", gate.shell(signed, "Dashboard", "dashboard"));
        templates.page(ctx, "dashboard.jte", params);
    }

    void panels(Context ctx, Signed signed) {
        templates.page(ctx, "dashboard/panels.jte", model(signed));
    }

    private Map<String, Object> model(Signed signed) {
        var actor = signed.actor();
        var zone = clock.getZone();
        List<Chart> charts = new ArrayList<>();
        AnalyticsTable pipeline = analytics.pipelineByStage(actor, null);
        charts.add(chart("pipeline", "Open pipeline value by stage", pipeline));
        charts.add(chart("leads", "New leads per week, last 12 weeks",
                analytics.newLeads(actor, Period.parse("last 12 weeks", zone, clock), zone)));
        charts.add(chart("activity", "Activity by rep, last 30 days",
                analytics.activityByRep(actor, Period.parse("last 30 days", zone, clock), zone)));
        charts.add(chart("scores", "Lead score distribution", new AnalyticsTable("Lead score distribution",
                List.of("Score", "Contacts"), figures.scoreDistribution(actor), "bar")));
        charts.add(chart("conversion", "Conversion to customer by source, last 90 days",
                analytics.conversionBySource(actor, Period.parse("last 90 days", zone, clock), zone)));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kpis", figures.kpis(actor));
        params.put("charts", charts);
        return params;
    }

    private static Chart chart(String id, String title, AnalyticsTable table) {
        return new Chart(id, title, SvgCharts.fromTable(title, table.rows()), table);
    }
}
