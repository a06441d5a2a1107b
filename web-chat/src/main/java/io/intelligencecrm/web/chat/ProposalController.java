package io.intelligencecrm.web.chat;

import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/**
 * The actions the agent proposed and the signed-in user decides. Approving quotes the arguments
 * hash shown with the proposal, so an approval can only ever run what the person saw.
 */
public final class ProposalController {
    private final ProposalService proposals;
    private final ChatService chat;

    public ProposalController(ProposalService proposals, ChatService chat) {
        this.proposals = proposals;
        this.chat = chat;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/proposals", this::pending).doc("chat", "Your proposals waiting for a decision")
                .query("conversationId", "uuid", "only this conversation's").returns("Proposal[]");
        api.get("/api/proposals/{id}", this::get).doc("chat", "A proposal and its outcome").returns("Proposal");
        api.post("/api/proposals/{id}/approve", this::approve).doc("chat", "Approve and run a proposed action")
                .description("Runs the stored arguments once. Refused (409) when the hash differs from the stored "
                        + "arguments, when it expired or was already decided; another user's proposal is 404.")
                .body("ProposalApproval").returns("Proposal");
        api.post("/api/proposals/{id}/revise", this::revise).doc("chat", "Edit a proposed action before deciding it")
                .description("Changes text the proposal holds (an email's subject or body, a stage): the edited "
                        + "proposal is rejected and a new one, returned here, waits for approval. Ids cannot change.")
                .body("ProposalRevision").returns(201, "Proposal");
        api.post("/api/proposals/{id}/reject", this::reject).doc("chat", "Reject a proposed action").returns("Proposal");
    }

    void pending(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        UUID conversationId = params.uuid("conversationId");
        params.validate();
        ctx.json(proposals.pending(CurrentActor.of(ctx), conversationId));
    }

    void get(Context ctx) {
        ctx.json(proposals.get(CurrentActor.of(ctx), Requests.id(ctx, "id", "Proposal")));
    }

    void approve(Context ctx) {
        UUID id = Requests.id(ctx, "id", "Proposal");
        proposals.get(CurrentActor.of(ctx), id);
        Map<String, Object> body = Requests.jsonObject(ctx);
        if (!(body.get("argumentsHash") instanceof String hash) || hash.isBlank()) {
            throw CrmException.invalid("argumentsHash", "is required: the hash shown with the proposal");
        }
        ctx.json(chat.decide(CurrentActor.of(ctx), id, true, hash));
    }

    @SuppressWarnings("unchecked")
    void revise(Context ctx) {
        UUID id = Requests.id(ctx, "id", "Proposal");
        Map<String, Object> body = Requests.jsonObject(ctx);
        if (!(body.get("arguments") instanceof Map<?, ?> arguments)) {
            throw CrmException.invalid("arguments", "is required: the fields to change and their new text");
        }
        ctx.status(201).json(proposals.revise(CurrentActor.of(ctx), id, (Map<String, Object>) arguments));
    }

    void reject(Context ctx) {
        ctx.json(chat.decide(CurrentActor.of(ctx), Requests.id(ctx, "id", "Proposal"), false, null));
    }
}
