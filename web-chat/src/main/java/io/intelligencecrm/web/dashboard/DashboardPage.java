package io.intelligencecrm.web.dashboard;

import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.analytics.AnalyticsTable;
import io.intelligencecrm.core.analytics.DashboardFigures;
import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.Formats;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.SvgCharts;
import io.intelligencecrm.web.page.SvgCharts.Bar;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KPIs and charts drawn on the server, each chart of the kind its data calls for: the open pipeline
 * as bars per currency (never added across currencies), new leads as a line over time, activity as
 * bars split by kind, scores as a distribution, conversion as shares. The date range applies to
 * everything that happens over time. The panels are also served alone, so the page's script swaps in
 * fresh ones when /ws/live says the tenant's data changed (static/js/dashboard.js).
 */
public final class DashboardPage {
    /** The ranges offered, in days; the first is the default. */
    public static final List<Integer> RANGES = List.of(90, 7, 30, 180, 365);
    private static final List<String> ACTIVITY_KINDS = List.of("Calls", "Emails", "Meetings", "Notes", "Chats", "SMS");

    private final PageGate gate;
    private final Templates templates;
    private final AnalyticsService analytics;
    private final DashboardFigures figures;
    private final Clock clock;

    /** One drawing of a chart, with its caption when a chart has several (one per currency). */
    public record Figure(String caption, String svg) {
    }

    /**
     * @param unit    what the numbers count, in words
     * @param legend  the series' names when the bars are split into parts
     */
    public record Chart(String id, String title, String unit, List<Figure> figures, List<String> legend,
                        AnalyticsTable table) {
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
        var shell = gate.shell(ctx, signed, "Dashboard", "dashboard");
        Map<String, Object> params = model(signed.actor(), shell.formats(), days(ctx));
        params.put("shell", shell);
        params.put("ranges", RANGES.stream().sorted().toList());
        templates.page(ctx, "dashboard.jte", params);
    }

    void panels(Context ctx, Signed signed) {
        templates.page(ctx, "dashboard/panels.jte", model(signed.actor(), gate.formats(ctx, signed), days(ctx)));
    }

    static int days(Context ctx) {
        try {
            int days = Integer.parseInt(String.valueOf(ctx.queryParam("days")));
            return RANGES.contains(days) ? days : RANGES.getFirst();
        } catch (NumberFormatException e) {
            return RANGES.getFirst();
        }
    }

    private Map<String, Object> model(Actor actor, Formats formats, int days) {
        var zone = formats.zone();
        Period period = Period.parse("last " + days + " days", zone, clock);
        String range = "last " + days + " days";
        List<Chart> charts = new ArrayList<>();
        charts.add(pipeline(analytics.pipelineByStage(actor, null), formats));
        charts.add(newLeads(analytics.newLeads(actor, period, zone), formats, range, days > 31));
        charts.add(activity(analytics.activityByRep(actor, period, zone), formats, range));
        charts.add(conversion(analytics.conversionBySource(actor, period, zone), formats, range));
        charts.add(scores(figures.scoreDistribution(actor), formats));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kpis", figures.kpis(actor, Duration.ofDays(days)));
        params.put("charts", charts);
        params.put("formats", formats);
        params.put("days", days);
        return params;
    }

    /** Rows of stage, currency, deals, total: one bar chart per currency, each bar the stage's value. */
    private static Chart pipeline(AnalyticsTable table, Formats formats) {
        Map<String, List<Bar>> byCurrency = new TreeMap<>();
        for (List<Object> row : table.rows()) {
            String currency = (String) row.get(1);
            long deals = ((Number) row.get(2)).longValue();
            BigDecimal total = (BigDecimal) row.get(3);
            byCurrency.computeIfAbsent(currency, c -> new ArrayList<>()).add(new Bar(Formats.capitalised((String) row.get(0)),
                    total.doubleValue(), formats.money(total, currency) + " · " + deals + (deals == 1 ? " deal" : " deals")));
        }
        List<Figure> drawn = new ArrayList<>();
        byCurrency.forEach((currency, bars) -> drawn.add(new Figure(byCurrency.size() > 1 ? "In " + currency : null,
                SvgCharts.bars("Open pipeline in " + currency + " by stage", bars))));
        String unit = byCurrency.size() > 1 ? "Value of open deals per stage, separately for each currency (never converted)"
                : "Value of open deals per stage" + (byCurrency.isEmpty() ? "" : ", in " + byCurrency.keySet().iterator().next());
        return new Chart("pipeline", "Open pipeline by stage", unit, drawn, List.of(), table);
    }

    private static Chart newLeads(AnalyticsTable table, Formats formats, String range, boolean weekly) {
        List<Bar> points = table.rows().stream().map(row -> {
            long leads = ((Number) row.get(1)).longValue();
            return new Bar(formats.monthDay(LocalDate.parse((String) row.get(0))), leads, formats.whole(leads));
        }).toList();
        long total = points.stream().mapToLong(point -> (long) point.value()).sum();
        String svg = SvgCharts.line("New leads per " + (weekly ? "week" : "day") + ", " + range, points, formats::whole);
        return new Chart("leads", "New leads", "Contacts created per " + (weekly ? "week (weeks start on Monday)" : "day")
                + ", " + range + ": " + formats.whole(total) + " in all", List.of(new Figure(null, svg)), List.of(), table);
    }

    /** Rows of rep then a count per kind and the total: bars split by kind of activity. */
    private static Chart activity(AnalyticsTable table, Formats formats, String range) {
        List<String> reps = table.rows().stream().map(row -> String.valueOf(row.getFirst())).toList();
        List<SvgCharts.Series> series = new ArrayList<>();
        for (int kind = 0; kind < ACTIVITY_KINDS.size(); kind++) {
            int column = kind + 1;
            List<Double> values = table.rows().stream().map(row -> ((Number) row.get(column)).doubleValue()).toList();
            if (values.stream().anyMatch(value -> value > 0)) series.add(new SvgCharts.Series(ACTIVITY_KINDS.get(kind), values));
        }
        String svg = SvgCharts.stacked("Activities by rep, " + range, reps, series, formats::whole);
        return new Chart("activity", "Activity by rep", "Calls, emails, meetings and notes logged, " + range,
                List.of(new Figure(null, svg)), series.stream().map(SvgCharts.Series::name).toList(), table);
    }

    /** Rows of source, created, customers, percent: the share of each source's new contacts who became customers. */
    private static Chart conversion(AnalyticsTable table, Formats formats, String range) {
        List<Bar> bars = table.rows().stream().map(row -> {
            long created = ((Number) row.get(1)).longValue();
            long customers = ((Number) row.get(2)).longValue();
            double share = created == 0 ? 0 : (double) customers / created;
            return new Bar(String.valueOf(row.getFirst()), share * 100, formats.percent(share) + " (" + customers + " of "
                    + created + ")");
        }).toList();
        return new Chart("conversion", "Conversion to customer by source",
                "Share of the contacts created in the " + range + " who are customers now",
                List.of(new Figure(null, SvgCharts.bars("Conversion to customer by source", bars))), List.of(), table);
    }

    /** Rows of band and contacts, the last one those not scored yet. */
    private static Chart scores(List<List<Object>> rows, Formats formats) {
        List<Bar> bands = rows.stream().filter(row -> !"Not scored".equals(row.getFirst())).map(row -> {
            long contacts = ((Number) row.get(1)).longValue();
            return new Bar(String.valueOf(row.getFirst()), contacts, formats.whole(contacts));
        }).toList();
        long unscored = rows.stream().filter(row -> "Not scored".equals(row.getFirst()))
                .mapToLong(row -> ((Number) row.get(1)).longValue()).sum();
        boolean none = bands.stream().allMatch(band -> band.value() == 0);
        AnalyticsTable table = new AnalyticsTable("Lead score distribution", List.of("Score", "Contacts"),
                none ? List.of() : rows, "bar");
        return new Chart("scores", "Lead scores", "Contacts per score band (0 to 100)"
                + (unscored > 0 ? "; " + formats.whole(unscored) + " not scored yet" : ""),
                none ? List.of() : List.of(new Figure(null, SvgCharts.columns("Contacts per lead score band", bands))),
                List.of(), table);
    }
}
