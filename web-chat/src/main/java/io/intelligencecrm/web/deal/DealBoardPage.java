package io.intelligencecrm.web.deal;

import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.PipelineStage;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as a board: one column per stage with its count and value per currency, deals as
 * cards. Moving a card (drag and drop, or the stage menu on each card for keyboards) is a PATCH
 * through the API, so the same permissions and audit apply (static/js/board.js).
 */
public final class DealBoardPage {
    private static final int CARDS_PER_STAGE = 100;

    private final PageGate gate;
    private final Templates templates;
    private final DealService deals;

    public DealBoardPage(PageGate gate, Templates templates, DealService deals) {
        this.gate = gate;
        this.templates = templates;
        this.deals = deals;
    }

    public record Column(PipelineStage stage, List<Deal> deals) {
    }

    public void routes(RoutesConfig routes) {
        routes.get("/deals", gate.signedIn(this::board));
    }

    void board(Context ctx, Signed signed) {
        var actor = signed.actor();
        List<Column> columns = new ArrayList<>();
        for (PipelineStage stage : deals.pipeline(actor, null)) {
            List<Deal> cards = deals.list(actor, new DealQuery(null, null, stage.stage(), null, null, null, null, null,
                    null, null, "amount", true, null, CARDS_PER_STAGE, false)).items();
            columns.add(new Column(stage, cards));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", gate.shell(signed, "Pipeline", "deals"));
        params.put("columns", columns);
        params.put("stages", List.of(DealStage.values()));
        templates.page(ctx, "deals.jte", params);
    }
}
