package io.intelligencecrm.tools.deal;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.PipelineStage;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.Listing;
import io.intelligencecrm.tools.OwnerScope;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.Team;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Finding deals and reading the pipeline; available to every role. */
public final class DealReadTools {
    private final CrmServices services;

    public DealReadTools(CrmServices services) {
        this.services = services;
    }

    @Tool("Finds deals by words of the deal or company name and filters (stage, open, owner, amount range, "
            + "expected close period). Returns a table with each deal's id; 'deals over 100k' is minAmount 100000.")
    public TableResult findDeals(
            @P(value = "words of the deal name or company name; leave out to filter only", required = false)
            String query,
            @P(value = "stage: prospecting, qualification, proposal, negotiation, won or lost", required = false)
            String stage,
            @P(value = "true for only deals not yet won or lost", required = false) Boolean openOnly,
            @P(value = "true for only the user's own deals", required = false) Boolean onlyMine,
            @P(value = OwnerScope.DESCRIPTION, required = false) String owner,
            @P(value = "smallest amount, e.g. 100000 (100k also works); any currency", required = false)
            String minAmount,
            @P(value = "largest amount, e.g. 50000 (50k also works); any currency", required = false)
            String maxAmount,
            @P(value = "expected to close in this period: this month, next month, this quarter, next 30 days, an ISO "
                    + "date or range like 2026-01-01..2026-03-31", required = false) String closing,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        DealStage dealStage = ToolArguments.optionalChoice("stage", stage, DealStage.class);
        BigDecimal min = ToolArguments.amount("minAmount", minAmount);
        BigDecimal max = ToolArguments.amount("maxAmount", maxAmount);
        Period closes = ToolArguments.given(closing) ? ToolArguments.period(closing, call) : null;
        OwnerScope scope = OwnerScope.of(services, actor, onlyMine, owner);
        Listing<Deal> listing = Listing.of(ToolArguments.MAX_ROWS, (cursor, size) -> services.deals().list(actor,
                new DealQuery(ToolArguments.trimmed(query), scope.ownerId(),
                        dealStage, Boolean.TRUE.equals(openOnly) ? Boolean.TRUE : null, null, null,
                        closes == null ? null : closes.from(), closes == null ? null : closes.toExclusive().minusDays(1),
                        min, max, closes == null ? null : "close", null, cursor, size, false)));
        Team team = Team.of(services.users(), actor);
        List<List<Object>> rows = listing.rows().stream().map(deal -> Arrays.<Object>asList(deal.id().toString(),
                deal.name(), deal.companyName(), deal.contactName(), deal.stage().stored(), deal.amount(),
                deal.currency().trim(), deal.expectedCloseDate() == null ? null : deal.expectedCloseDate().toString(),
                team.name(deal.ownerId()))).toList();
        return new TableResult(scope.title("Deals"), List.of("id", "Deal", "Company", "Contact", "Stage", "Amount", "Currency",
                "Expected close", "Owner"), rows, "table", listing.total(), listing.note("deals")).of("deal");
    }

    @Tool("Shows the pipeline: number of deals and their value in every stage, including won and lost.")
    public TableResult getPipeline(
            @P(value = "true for only the user's own deals", required = false) Boolean onlyMine,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        List<PipelineStage> stages = services.deals().pipeline(actor,
                Boolean.TRUE.equals(onlyMine) ? actor.userId() : null);
        List<List<Object>> rows = stages.stream().map(stage -> List.<Object>of(stage.stage().stored(), stage.deals(),
                stage.valueByCurrency().entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue().toPlainString())
                        .collect(Collectors.joining(", ")))).toList();
        return new TableResult(Boolean.TRUE.equals(onlyMine) ? "My pipeline" : "Pipeline",
                List.of("Stage", "Deals", "Value"), rows, "bar", rows.size(),
                "Values are per currency, never summed across currencies.");
    }
}
