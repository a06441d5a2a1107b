package io.intelligencecrm.tools.deal;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.tools.Amount;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.Team;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.Views;
import io.intelligencecrm.tools.Views.DealView;
import io.intelligencecrm.tools.proposal.AssignDealOwnerHandler;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Creating deals, moving them through the pipeline and giving them to a colleague; only for roles
 * that write. Taking a deal away from someone else becomes a proposal the user approves.
 */
public final class DealWriteTools {
    private final CrmServices services;
    private final ProposalService proposals;

    public DealWriteTools(CrmServices services, ProposalService proposals) {
        this.services = services;
        this.proposals = proposals;
    }

    public record DealSaved(String result, DealView deal) {
    }

    @Tool("Creates a deal owned by the user, optionally for a contact and a company.")
    public DealSaved createDeal(
            @P("the deal's name, e.g. 'Acme - annual licence'") String name,
            @P(value = "id of the contact the deal is with", required = false) String contactId,
            @P(value = "company name; found or created (defaults to the contact's company)", required = false)
            String companyName,
            @P(value = "amount, e.g. 12500.00; 20k, $1.5m and 5000 EUR also work", required = false) String amount,
            @P(value = "3-letter currency code, default USD", required = false) String currency,
            @P(value = "stage: prospecting (default), qualification, proposal, negotiation, won or lost",
                    required = false) String stage,
            @P(value = "expected close date: ISO date like 2026-12-31, or words like next month", required = false)
            String expectedCloseDate,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        if (!ToolArguments.given(name)) throw CrmException.invalid("name", "is required");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name.trim());
        if (ToolArguments.given(contactId)) fields.put("contactId", ToolArguments.id("contactId", contactId).toString());
        Amount value = ToolArguments.given(amount) ? Amount.parse("amount", amount) : null;
        if (value != null) fields.put("amount", value.value().toPlainString());
        String currencyCode = value == null ? (ToolArguments.given(currency) ? currency.trim() : null)
                : value.currencyWith("currency", currency);
        if (currencyCode != null) fields.put("currency", currencyCode);
        DealStage dealStage = ToolArguments.optionalChoice("stage", stage, DealStage.class);
        if (dealStage != null) fields.put("stage", dealStage.stored());
        LocalDate close = ToolArguments.date("expectedCloseDate", expectedCloseDate, call);
        if (close != null) fields.put("expectedCloseDate", close.toString());
        if (ToolArguments.given(companyName)) {
            Company company = services.companies().findOrCreate(actor, companyName.trim());
            fields.put("companyId", company.id().toString());
        }
        Deal deal = services.deals().create(actor, fields);
        return new DealSaved("created", Views.deal(deal, Team.of(services.users(), actor)));
    }

    @Tool("Moves a deal to another stage of the pipeline.")
    public DealSaved moveDealStage(
            @P("the deal's id") String dealId,
            @P("stage: prospecting, qualification, proposal, negotiation, won or lost") String stage,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        DealStage target = ToolArguments.choice("stage", stage, DealStage.class);
        Deal deal = services.deals().moveStage(actor, ToolArguments.id("dealId", dealId), target, null);
        return new DealSaved("stage is now " + target.stored(), Views.deal(deal, Team.of(services.users(), actor)));
    }

    @Tool("Marks a deal as won; its close time is recorded.")
    public DealSaved markDealWon(
            @P("the deal's id") String dealId,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        Deal deal = services.deals().markWon(actor, ToolArguments.id("dealId", dealId));
        return new DealSaved("won", Views.deal(deal, Team.of(services.users(), actor)));
    }

    @Tool("Marks a deal as lost, with the reason when known; its close time is recorded.")
    public DealSaved markDealLost(
            @P("the deal's id") String dealId,
            @P(value = "why it was lost, e.g. 'chose a competitor'", required = false) String reason,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        Deal deal = services.deals().markLost(actor, ToolArguments.id("dealId", dealId), ToolArguments.trimmed(reason));
        return new DealSaved("lost", Views.deal(deal, Team.of(services.users(), actor)));
    }

    @Tool("Gives a deal to another team member. If someone other than the user owns the deal now, this "
            + "only PROPOSES the change; the user must approve it.")
    public Object assignDealOwner(
            @P("the deal's id") String dealId,
            @P("email of the team member who should own the deal") String ownerEmail,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        UUID id = ToolArguments.id("dealId", dealId);
        if (!ToolArguments.given(ownerEmail)) throw CrmException.invalid("ownerEmail", "is required");
        Team team = Team.of(services.users(), actor);
        User owner = team.byEmail("ownerEmail", ownerEmail);
        Deal deal = services.deals().get(actor, id);
        if (deal.ownerId() != null && !Objects.equals(deal.ownerId(), actor.userId())) {
            return ProposalResult.of(proposals.propose(actor, call.conversationId(), AssignDealOwnerHandler.ACTION,
                    Map.of("dealId", id.toString(), "ownerId", owner.id().toString()),
                    "Give the deal " + deal.name() + " to " + team.name(owner.id()) + " (now owned by "
                            + team.name(deal.ownerId()) + ")"));
        }
        Deal changed = services.deals().update(actor, id, Map.of("ownerId", owner.id().toString()));
        return new DealSaved("now owned by " + team.name(owner.id()), Views.deal(changed, team));
    }
}
