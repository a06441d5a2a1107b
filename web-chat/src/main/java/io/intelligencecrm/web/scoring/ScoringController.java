package io.intelligencecrm.web.scoring;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.scoring.ScoreQueries;
import io.intelligencecrm.scoring.ScoringServices;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Lead scores over HTTP: score one contact, read its evidence, rescore all, the model and its backtest. */
public final class ScoringController {
    private final ScoringServices scoring;

    public ScoringController(ScoringServices scoring) {
        this.scoring = scoring;
    }

    public void routes(ApiRoutes api) {
        api.post("/api/contacts/{id}/score", this::score).doc("scoring", "Score a contact now")
                .description("Stores the score with its evidence and returns it; the latest score also shows on the"
                        + " contact and can be filtered with scoreMin and scoreMax on the contact list.")
                .returns("ScoredLead");
        api.get("/api/contacts/{id}/score", this::card).doc("scoring", "A contact's score, evidence and history")
                .returns("ScoreCard");
        api.get("/api/scoring/leads", this::leads).doc("scoring", "Open leads by score, best first")
                .description("Leaves out leads already contacted in the last 24 hours: the list to call today.")
                .query("mine", "boolean", "only my leads").query("limit", "integer", "1-100, default 10")
                .returns("RankedLead[]");
        api.get("/api/scoring/drops", this::drops).doc("scoring", "Leads whose score fell over a period")
                .query("days", "integer", "the period in days, 1-90, default 7").query("mine", "boolean", "only my leads")
                .query("limit", "integer", "1-100, default 20").returns("ScoreDrop[]");
        api.get("/api/scoring/model", this::model).doc("scoring", "The scoring model in use and its backtest")
                .description("AUC, Brier score and calibration table of a 5-fold backtest over the closed leads; the"
                        + " features used with their weight and importance, those left out and why (attributes by their"
                        + " imported column labels); before there are enough closed leads, the rule-based prior and"
                        + " what is missing.")
                .returns("ScoringModel");
        api.get("/api/scoring/missing-values", this::missingValues)
                .doc("scoring", "Values that mean missing in this tenant's data").returns("MissingValues");
        api.put("/api/scoring/missing-values", this::declareMissingValues)
                .doc("scoring", "Declare the values that mean missing (managers)")
                .description("Cells with these values (any case, e.g. Select, N/A, -, unknown) count as empty for lead"
                        + " scoring from the next training, and are left out of later imports. Empty cells always count"
                        + " as missing.")
                .body("MissingValues").returns("MissingValues");
        api.post("/api/scoring/model/train", this::train).doc("scoring", "Retrain the model now (managers)")
                .returns("ScoringModel");
        api.post("/api/scoring/rescore", this::rescore).doc("scoring", "Retrain and rescore every open lead (managers)")
                .description("Runs in the background; poll the job for progress. A request while a run is going"
                        + " returns that run.")
                .returns(202, "RescoreJob");
        api.get("/api/scoring/jobs/{id}", this::job).doc("scoring", "Progress of a rescoring job").returns("RescoreJob");
    }

    void score(Context ctx) {
        ctx.json(scoring.scoring().score(CurrentActor.of(ctx), Requests.id(ctx, "id", "Contact")));
    }

    void card(Context ctx) {
        ctx.json(scoring.queries().card(CurrentActor.of(ctx), Requests.id(ctx, "id", "Contact")));
    }

    void leads(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        Boolean mine = params.bool("mine");
        Integer limit = params.integer("limit");
        params.validate();
        ctx.json(scoring.queries().toCall(CurrentActor.of(ctx), Boolean.TRUE.equals(mine), limit(limit, 10)));
    }

    void drops(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        Integer days = params.integer("days");
        Boolean mine = params.bool("mine");
        Integer limit = params.integer("limit");
        params.validate();
        if (days != null && (days < 1 || days > 90)) throw CrmException.invalid("days", "must be between 1 and 90");
        ctx.json(scoring.queries().drops(CurrentActor.of(ctx), Duration.ofDays(days == null ? 7 : days),
                Boolean.TRUE.equals(mine), limit(limit, 20)));
    }

    void model(Context ctx) {
        ctx.json(scoring.scoring().currentModel(CurrentActor.of(ctx)));
    }

    void missingValues(Context ctx) {
        ctx.json(Map.of("values", scoring.scoring().missingValues(CurrentActor.of(ctx))));
    }

    void declareMissingValues(Context ctx) {
        Object values = Requests.jsonObject(ctx).get("values");
        if (!(values instanceof List<?> list) || list.stream().anyMatch(value -> !(value instanceof String))) {
            throw CrmException.invalid("values", "must be a list of texts");
        }
        List<String> tokens = list.stream().map(String.class::cast).toList();
        ctx.json(Map.of("values", scoring.scoring().declareMissingValues(CurrentActor.of(ctx), tokens)));
    }

    void train(Context ctx) {
        ctx.json(scoring.scoring().train(CurrentActor.of(ctx)));
    }

    void rescore(Context ctx) {
        ctx.status(202).json(scoring.jobs().start(CurrentActor.of(ctx)));
    }

    void job(Context ctx) {
        ctx.json(scoring.jobs().get(CurrentActor.of(ctx), Requests.id(ctx, "id", "Rescoring job")));
    }

    private static int limit(Integer requested, int fallback) {
        if (requested == null) return fallback;
        if (requested < 1 || requested > ScoreQueries.MAX_ROWS) {
            throw CrmException.invalid("limit", "must be between 1 and " + ScoreQueries.MAX_ROWS);
        }
        return requested;
    }
}
