package io.intelligencecrm.web.scoring;

import io.intelligencecrm.scoring.ScoringService;
import io.intelligencecrm.scoring.TrainingReport;
import io.intelligencecrm.scoring.model.BacktestReport;
import io.intelligencecrm.scoring.model.CalibrationBin;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.Formats;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Shell;
import io.intelligencecrm.web.page.SvgCharts;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lead scoring for managers: how far the scores can be trusted (the backtest in plain words and the
 * calibration chart), what drives them, and rescoring every open lead with live progress
 * (static/js/scoring.js). Sales users see scores on records; the model's quality lives here.
 */
public final class ScoringPage {
    private final PageGate gate;
    private final Templates templates;
    private final ScoringService scoring;

    public ScoringPage(PageGate gate, Templates templates, ScoringService scoring) {
        this.gate = gate;
        this.templates = templates;
        this.scoring = scoring;
    }

    /** A feature with its share of the model's evidence as a bar width (0 to 100, steps of 5). */
    public record Driver(String label, String reads, int percent, int width) {
    }

    /** @param quality the backtest in words, or null while the rules-based prior scores */
    public record Model(TrainingReport report, List<String> quality, String calibrationChart, List<Driver> drivers) {
    }

    public void routes(RoutesConfig routes) {
        routes.get("/scoring", gate.manager(this::show));
    }

    void show(Context ctx, Signed signed) {
        Shell shell = gate.shell(ctx, signed, "Lead scoring", "scoring");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", shell);
        params.put("model", model(scoring.currentModel(signed.actor()), shell.formats()));
        templates.page(ctx, "scoring.jte", params);
    }

    static Model model(TrainingReport report, Formats formats) {
        List<Driver> drivers = new ArrayList<>();
        double strongest = report.features() == null ? 0
                : report.features().stream().mapToDouble(TrainingReport.FeatureWeight::importance).max().orElse(0);
        if (report.features() != null) {
            for (TrainingReport.FeatureWeight feature : report.features()) {
                int width = strongest <= 0 ? 0 : (int) Math.round(feature.importance() / strongest * 20) * 5;
                drivers.add(new Driver(feature.label(), feature.reads(), (int) Math.round(feature.importance() * 100), width));
            }
        }
        BacktestReport backtest = report.backtest();
        if (backtest == null) return new Model(report, null, "", drivers);
        List<String> quality = List.of(
                "Given a lead that was won and one that was lost, the score ranks the won one higher "
                        + formats.percent(backtest.auc()) + " of the time (50% would be a coin toss).",
                "Its predicted chances miss the outcome by " + formats.percent(Math.sqrt(backtest.brier()))
                        + " on average, against " + formats.percent(Math.sqrt(backtest.baseBrier()))
                        + " when every lead gets the average win rate.",
                "Tested on " + formats.whole(backtest.leads()) + " closed leads (" + formats.whole(backtest.won())
                        + " won), each scored by a model that had not seen it.");
        List<SvgCharts.Bar> bins = new ArrayList<>();
        for (CalibrationBin bin : backtest.calibration()) {
            if (bin.leads() == 0) continue;
            bins.add(new SvgCharts.Bar(formats.whole(bin.from() * 100) + "–" + formats.whole(bin.to() * 100) + "%",
                    bin.observed() * 100, formats.percent(bin.observed()) + " won of " + formats.whole(bin.leads())));
        }
        String chart = bins.isEmpty() ? "" : SvgCharts.columns("Share of leads won, by predicted chance", bins);
        return new Model(report, quality, chart, drivers);
    }
}
