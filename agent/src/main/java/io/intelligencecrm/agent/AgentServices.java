package io.intelligencecrm.agent;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.intelligencecrm.agent.chat.ChatApprovals;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.agent.decision.BranchDecider;
import io.intelligencecrm.agent.decision.ModelBranchDecider;
import io.intelligencecrm.agent.decision.OfflineBranchClassifier;
import io.intelligencecrm.agent.memory.PostgresChatMemoryStore;
import io.intelligencecrm.agent.model.ModelProviders;
import io.intelligencecrm.agent.model.ProviderFailure;
import io.intelligencecrm.agent.model.RetryPolicy;
import io.intelligencecrm.agent.model.RetryingStreamingChatModel;
import io.intelligencecrm.agent.offline.OfflineModel;
import io.intelligencecrm.agent.runtime.AgentRuntime;
import io.intelligencecrm.agent.runtime.RoleToolProvider;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.usage.TokenLedger;
import io.intelligencecrm.knowledge.search.KnowledgeSearch;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.scoring.ScoringServices;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.CrmToolbox;
import java.time.Clock;
import java.time.Duration;

/**
 * The agent's objects, built once by the composition root on top of the core services.
 *
 * @param decisions chooses workflow branches: structured output from a real model, a classifier offline
 */
public record AgentServices(ChatService chat, ConversationService conversations, ProposalService proposals,
                           RoleToolProvider tools, TokenLedger ledger, BranchDecider decisions) {

    public static AgentServices create(Database database, AgentSettings settings, Clock clock, CoreServices core,
                                       KnowledgeSearch knowledge, ScoringServices scoring) {
        return create(database, settings, clock, core, knowledge, scoring, model(settings));
    }

    /** Without lead scoring (its tools are then not offered): fixtures of other modules. */
    public static AgentServices create(Database database, AgentSettings settings, Clock clock, CoreServices core,
                                       KnowledgeSearch knowledge, StreamingChatModel model) {
        return create(database, settings, clock, core, knowledge, null, model);
    }

    /** With a given model: tests and benchmarks use scripted ones. */
    public static AgentServices create(Database database, AgentSettings settings, Clock clock, CoreServices core,
                                       KnowledgeSearch knowledge, ScoringServices scoring,
                                       StreamingChatModel model) {
        var transactions = database.tenants();
        CrmServices crm = new CrmServices(core.contacts(), core.companies(), core.deals(), core.interactions(),
                core.users(), new AnalyticsService(transactions, clock), core.outbox(), transactions, knowledge,
                core.workflows(), scoring, core.tasks(), core.accounts(), core.counts(),
                core.matcher(), core.undo());
        ProposalService proposals = new ProposalService(transactions, core.audit(), clock,
                Duration.ofMinutes(settings.proposalTtlMinutes()), CrmToolbox.proposalHandlers(crm));
        CrmToolbox toolbox = new CrmToolbox(crm, proposals, new SuppressionList(transactions, core.audit()));
        RoleToolProvider tools = new RoleToolProvider(toolbox::toolsFor, core.audit(), transactions,
                settings.toolResultChars());
        TokenLedger ledger = new TokenLedger(transactions, clock, settings.dailyTokenBudget());
        ConversationService conversations = new ConversationService(transactions);
        AgentRuntime runtime = new AgentRuntime(model, identity(settings),
                failure -> ProviderFailure.of(failure, settings).userMessage(), tools,
                new PostgresChatMemoryStore(transactions), ledger, settings.memoryTokens(), settings.maxToolRoundTrips(),
                Duration.ofSeconds(settings.timeoutSeconds()));
        ChatService chat = new ChatService(runtime, conversations, new ChatApprovals(proposals), ledger, core.users(),
                core.directory(), transactions, database.sessionLocks(), clock);
        BranchDecider decisions = model instanceof OfflineModel ? new OfflineBranchClassifier()
                : new ModelBranchDecider(model, Duration.ofSeconds(settings.timeoutSeconds()));
        return new AgentServices(chat, conversations, proposals, tools, ledger, decisions);
    }

    private static StreamingChatModel model(AgentSettings settings) {
        if (settings.provider() == AgentSettings.Provider.OFFLINE) return new OfflineModel();
        return new RetryingStreamingChatModel(ModelProviders.streaming(settings), RetryPolicy.standard(settings.maxRetries()));
    }

    private static AgentRuntime.ModelIdentity identity(AgentSettings settings) {
        return new AgentRuntime.ModelIdentity(settings.provider().name().toLowerCase(), settings.modelName());
    }
}
