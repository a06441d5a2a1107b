package io.intelligencecrm.tools.undo;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.undo.UndoPlan;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.proposal.UndoChangeHandler;
import java.util.Map;

/** "Undo that" for the user's own last change in this conversation; only for roles that write. */
public final class UndoWriteTools {
    private final CrmServices services;
    private final ProposalService proposals;

    public UndoWriteTools(CrmServices services, ProposalService proposals) {
        this.services = services;
        this.proposals = proposals;
    }

    /**
     * @param result undone, or not undone
     * @param detail what was put back, or why it was not
     */
    public record UndoResult(String result, String detail) {
    }

    @Tool("Undoes the user's own last change in this conversation ('undo that'): removes what it created, puts "
            + "back previous field values or stage, restores what it deleted, moves a moved interaction back. "
            + "Removing a contact, or putting back more than five records, only PROPOSES the undo for approval. "
            + "If the change cannot be undone (an email was sent, someone changed the record since), it says why.")
    public Object undoLastChange(InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        UndoPlan plan = services.undo().plan(call.actor(), call.conversationId());
        if (!plan.possible()) return new UndoResult("not undone", plan.refusal());
        if (plan.steps().isEmpty()) return new UndoResult("not undone", "That change left nothing to put back.");
        if (plan.needsApproval()) {
            Proposal proposal = proposals.propose(call.actor(), call.conversationId(), UndoChangeHandler.ACTION,
                    Map.of("conversationId", call.conversationId().toString(), "transactionId", plan.transactionId()),
                    "Undo: " + plan.summary());
            services.undo().recordProposed(call.actor(), call.conversationId(), plan.transactionId(), proposal.id());
            return ProposalResult.of(proposal);
        }
        return new UndoResult("undone", services.undo().revert(call.actor(), call.conversationId(),
                plan.transactionId()));
    }
}
