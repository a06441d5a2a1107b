package io.intelligencecrm.tools.deal;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.PipelineStage;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.Listing;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.Team;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Finding deals and reading the pipeline; available to every role. */
public final class DealReadTools {
    private final CrmServices services;

    public DealReadTools(CrmServices services) {
        this.services = services;
    }

    @Tool("Finds deals by words of the deal or company name and filters. Returns a table with each deal's id.")
    public TableResult findDeals(
            @P(value = "words of the deal name or company name", required = false) String query,
            @P(value = "stage: prospecting, qualification, proposal, negotiation, won or lost", required = false)
            String stage,
            @P(value = "true for only deals not yet won or lost", required = false) Boolean openOnly,
            @P(value = "true for only the user's own deals", required = false) Boolean onlyMine,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        DealStage dealStage = ToolArguments.optionalChoice("stage", stage, DealStage.class);
        Listing<Deal> listing = Listing.of(ToolArguments.MAX_ROWS, (cursor, size) -> services.deals().list(actor,
                new DealQuery(ToolArguments.trimmed(query), Boolean.TRUE.equals(onlyMine) ? actor.userId() : null,
                        dealStage, Boolean.TRUE.equals(openOnly) ? Boolean.TRUE : null, null, null, null, null, null,
                        null, null, null, cursor, size, false)));
        Team team = Team.of(services.users(), actor);
        List<List<Object>> rows = listing.rows().stream().map(deal -> Arrays.<Object>asList(deal.id().toString(),
                deal.name(), deal.companyName(), deal.contactName(), deal.stage().stored(), deal.amount(),
                deal.currency().trim(), deal.expectedCloseDate() == null ? null : deal.expectedCloseDate().toString(),
                team.name(deal.ownerId()))).toList();
        return new TableResult("Deals", List.of("id", "Deal", "Company", "Contact", "Stage", "Amount", "Currency",
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
