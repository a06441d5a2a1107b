package io.intelligencecrm.web.deal;

import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.PipelineStage;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
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
import java.util.UUID;

/**
 * The pipeline as a board: one column per stage with its count, value and weighted value per
 * currency, deals as cards with owner, amount, expected close and days in stage. Moving a card (drag
 * and drop, or the card's menu by keyboard) is a PATCH through the API, so the same permissions and
 * audit apply (static/js/board.js).
 */
public final class DealBoardPage {
    private static final int CARDS_PER_STAGE = 100;

    private final PageGate gate;
    private final Templates templates;
    private final DealService deals;
    private final UserService users;
    private final Clock clock;

    public DealBoardPage(PageGate gate, Templates templates, DealService deals, UserService users, Clock clock) {
        this.gate = gate;
        this.templates = templates;
        this.deals = deals;
        this.users = users;
        this.clock = clock;
    }

    /** A column's cards and totals; {@code weighted} is the value times the stage's probability. */
    public record Column(PipelineStage stage, List<Card> cards, Map<String, BigDecimal> weighted) {
    }

    /**
     * @param owner     the owner's name, or null
     * @param daysInStage whole days since the deal entered its stage
     * @param overdue   open and past its expected close
     */
    public record Card(Deal deal, String owner, long daysInStage, boolean overdue) {
    }

    public void routes(RoutesConfig routes) {
        routes.get("/deals", gate.signedIn(this::board));
    }

    void board(Context ctx, Signed signed) {
        var actor = signed.actor();
        var shell = gate.shell(ctx, signed, "Pipeline", "deals");
        Map<UUID, String> owners = new LinkedHashMap<>();
        for (User user : users.list(actor)) owners.put(user.id(), user.fullName().isBlank() ? user.email() : user.fullName());
        LocalDate today = LocalDate.ofInstant(clock.instant(), shell.formats().zone());
        List<Column> columns = new ArrayList<>();
        Map<String, BigDecimal> open = new TreeMap<>();
        Map<String, BigDecimal> weightedOpen = new TreeMap<>();
        for (PipelineStage stage : deals.pipeline(actor, null)) {
            List<Card> cards = deals.list(actor, new DealQuery(null, null, stage.stage(), null, null, null, null, null,
                    null, null, "amount", true, null, CARDS_PER_STAGE, false)).items().stream()
                    .map(deal -> new Card(deal, deal.ownerId() == null ? null : owners.get(deal.ownerId()),
                            Math.max(0, Duration.between(deal.stageChangedAt(), clock.instant()).toDays()),
                            !deal.stage().closed() && deal.expectedCloseDate() != null && deal.expectedCloseDate().isBefore(today)))
                    .toList();
            Map<String, BigDecimal> weighted = new TreeMap<>();
            stage.valueByCurrency().forEach((currency, value) -> weighted.put(currency, stage.stage().weighted(value)));
            if (!stage.stage().closed()) {
                stage.valueByCurrency().forEach((currency, value) -> open.merge(currency, value, BigDecimal::add));
                weighted.forEach((currency, value) -> weightedOpen.merge(currency, value, BigDecimal::add));
            }
            columns.add(new Column(stage, cards, weighted));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", shell);
        params.put("columns", columns);
        params.put("open", open);
        params.put("weightedOpen", weightedOpen);
        params.put("openDeals", columns.stream().filter(column -> !column.stage().stage().closed())
                .mapToLong(column -> column.stage().deals()).sum());
        params.put("stages", List.of(DealStage.values()));
        templates.page(ctx, "deals.jte", params);
    }
}
