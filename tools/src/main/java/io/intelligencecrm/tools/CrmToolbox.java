package io.intelligencecrm.tools;

import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.tools.analytics.AnalyticsTools;
import io.intelligencecrm.tools.analytics.RecordCountTools;
import io.intelligencecrm.tools.audience.AudienceTools;
import io.intelligencecrm.tools.company.CompanyReadTools;
import io.intelligencecrm.tools.company.CompanyWriteTools;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.knowledge.KnowledgeTools;
import io.intelligencecrm.tools.match.MatchTools;
import io.intelligencecrm.tools.outreach.OutreachReadTools;
import io.intelligencecrm.tools.outreach.OutreachWriteTools;
import io.intelligencecrm.tools.proposal.AssignDealOwnerHandler;
import io.intelligencecrm.tools.proposal.AssignOwnerHandler;
import io.intelligencecrm.tools.proposal.ChangeStagesHandler;
import io.intelligencecrm.tools.proposal.DeleteContactHandler;
import io.intelligencecrm.tools.proposal.SendEmailHandler;
import io.intelligencecrm.tools.proposal.SendSmsHandler;
import io.intelligencecrm.tools.proposal.UndoChangeHandler;
import io.intelligencecrm.tools.scoring.ScoringTools;
import io.intelligencecrm.tools.task.TaskReadTools;
import io.intelligencecrm.tools.task.TaskWriteTools;
import io.intelligencecrm.tools.undo.UndoWriteTools;
import io.intelligencecrm.tools.workflow.ActivateWorkflowHandler;
import io.intelligencecrm.tools.workflow.DeleteWorkflowHandler;
import io.intelligencecrm.tools.workflow.WorkflowTools;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's tool objects per role. Write tools exist only for roles that write: a viewer's agent
 * is never offered one, whatever the prompt says. The tool objects are stateless and thread-safe.
 *
 * <p>Build order: the proposal handlers need only the services, the ProposalService needs the
 * handlers, and the write tools need the ProposalService — so {@link #proposalHandlers(CrmServices)}
 * comes first.
 */
public final class CrmToolbox {
    private final List<Object> readTools;
    private final List<Object> writeTools;

    public CrmToolbox(CrmServices services, ProposalService proposals) {
        this(services, proposals, null);
    }

    /** @param suppressions for finding a group email's recipients; null offers no such tool */
    public CrmToolbox(CrmServices services, ProposalService proposals, SuppressionList suppressions) {
        List<Object> read = new ArrayList<>(List.of(new ContactReadTools(services), new CompanyReadTools(services),
                new DealReadTools(services), new AnalyticsTools(services), new OutreachReadTools(services),
                new KnowledgeTools(services), new TaskReadTools(services), new RecordCountTools(services), new MatchTools(services)));
        if (services.scoring() != null) read.add(new ScoringTools(services));
        if (suppressions != null) read.add(new AudienceTools(services, suppressions));
        this.readTools = List.copyOf(read);
        List<Object> write = new ArrayList<>(List.of(new ContactWriteTools(services, proposals),
                new CompanyWriteTools(services), new DealWriteTools(services, proposals), new OutreachWriteTools(services, proposals, suppressions),
                new TaskWriteTools(services), new UndoWriteTools(services, proposals)));
        if (services.workflows() != null) write.add(new WorkflowTools(services.workflows(), proposals));
        this.writeTools = List.copyOf(write);
    }

    /** The handlers of every action the tools propose; give them to the ProposalService. */
    public static List<ProposalHandler> proposalHandlers(CrmServices services) {
        List<ProposalHandler> handlers = new ArrayList<>(List.of(new AssignOwnerHandler(services),
                new AssignDealOwnerHandler(services),
                new DeleteContactHandler(services), new ChangeStagesHandler(services), new SendEmailHandler(services),
                new SendSmsHandler(services), new UndoChangeHandler(services)));
        if (services.workflows() != null) {
            handlers.add(new ActivateWorkflowHandler(services.workflows()));
            handlers.add(new DeleteWorkflowHandler(services.workflows()));
        }
        return List.copyOf(handlers);
    }

    public List<Object> toolsFor(Role role) {
        List<Object> tools = new ArrayList<>(readTools);
        if (role.writes()) tools.addAll(writeTools);
        return List.copyOf(tools);
    }
}
