package io.intelligencecrm.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.proposal.ProposalStatus;
import io.intelligencecrm.mcp.ApprovalCodes;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One proposal, for its own user: exactly what would run, Approve and Reject, and the confirmation code
 * that lets an outside assistant approve it instead (the link an MCP client is given). Anyone else's
 * proposal, or a wrong id, is not found.
 */
public final class ProposalPage {
    private final PageGate gate;
    private final Templates templates;
    private final ProposalService proposals;
    private final ApprovalCodes codes;
    private final Clock clock;

    public ProposalPage(PageGate gate, Templates templates, ProposalService proposals, ApprovalCodes codes, Clock clock) {
        this.gate = gate;
        this.templates = templates;
        this.proposals = proposals;
        this.codes = codes;
        this.clock = clock;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/proposals/{id}", gate.signedIn(this::show));
    }

    void show(Context ctx, Signed signed) {
        Proposal proposal;
        try {
            proposal = proposals.get(signed.actor(), UUID.fromString(ctx.pathParam("id")));
        } catch (IllegalArgumentException | CrmException e) {
            throw new NotFoundResponse();
        }
        boolean decidable = proposal.status() == ProposalStatus.PENDING && proposal.expiresAt().isAfter(clock.instant());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", gate.shell(ctx, signed, "Proposed action", "chat"));
        params.put("proposal", proposal);
        params.put("arguments", pretty(proposal.arguments()));
        params.put("decidable", decidable);
        params.put("code", decidable ? codes.codeFor(signed.actor(), proposal) : null);
        templates.page(ctx, "proposal.jte", params);
    }

    private static String pretty(Map<String, Object> arguments) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            return String.valueOf(arguments);
        }
    }
}
