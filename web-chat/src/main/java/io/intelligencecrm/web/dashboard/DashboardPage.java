package io.intelligencecrm.web.dashboard;

import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.analytics.AnalyticsTable;
import io.intelligencecrm.core.analytics.DashboardFigures;
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
import io.intelligencecrm.scoring.ScoringService;
import io.intelligencecrm.scoring.TrainingReport;
import io.intelligencecrm.scoring.model.BacktestReport;
import io.intelligencecrm.scoring.model.CalibrationBin;
import java.util.List;
import java.util.Locale;
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
    private final ScoringService scoring;
    private final Clock clock;

    public record Chart(String id, String title, String svg, AnalyticsTable table) {
    }

    public DashboardPage(PageGate gate, Templates templates, AnalyticsService analytics, DashboardFigures figures,
                         ScoringService scoring, Clock clock) {
        this.gate = gate;
        this.templates = templates;
        this.analytics = analytics;
        this.figures = figures;
        this.scoring = scoring;
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
        charts.add(scoringModel(scoring.currentModel(actor)));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kpis", figures.kpis(actor));
        params.put("charts", charts);
        return params;
    }

    /**
     * How far the scores can be trusted: the backtest's AUC and Brier score in the title, and its
     * calibration (observed win rate per predicted band) as the chart. Empty while the rules-based
     * prior scores, with the reason as the title.
     */
    private static Chart scoringModel(TrainingReport model) {
        BacktestReport backtest = model.backtest();
        if (backtest == null) {
            return chart("scoring-model", "Lead scoring: " + model.note(), new AnalyticsTable("Lead scoring",
                    List.of("Predicted win rate", "Observed win rate %"), List.of(), "bar"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (CalibrationBin bin : backtest.calibration()) {
            if (bin.leads() == 0) continue;
            rows.add(List.of(Math.round(bin.from() * 100) + "-" + Math.round(bin.to() * 100) + "%",
                    Math.round(bin.observed() * 1000) / 10.0, Math.round(bin.predicted() * 1000) / 10.0, bin.leads()));
        }
        String title = String.format(Locale.ROOT, "Lead scoring model %s: backtest AUC %.2f, Brier %.3f (guessing: %.3f), %d closed leads",
                model.modelVersion(), backtest.auc(), backtest.brier(), backtest.baseBrier(), backtest.leads());
        return chart("scoring-model", title, new AnalyticsTable(title,
                List.of("Predicted win rate", "Observed win rate %", "Predicted win rate %", "Leads"), rows, "bar"));
    }

    private static Chart chart(String id, String title, AnalyticsTable table) {
        return new Chart(id, title, SvgCharts.fromTable(title, table.rows()), table);
    }
}
