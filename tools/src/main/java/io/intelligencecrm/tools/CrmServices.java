package io.intelligencecrm.tools;

import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.analytics.RecordCounts;
import io.intelligencecrm.core.company.AccountSummaries;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.match.RecordMatcher;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.undo.ChangeUndo;
import io.intelligencecrm.core.tenant.UnitOfWork;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.knowledge.search.KnowledgeSearch;
import io.intelligencecrm.scoring.ScoringServices;
import io.intelligencecrm.core.workflow.WorkflowService;

/**
 * The services the tools and proposal handlers adapt; built once by the composition root.
 *
 * @param unitOfWork makes a tool's several service calls one transaction
 * @param knowledge  search by meaning over records, notes and documents
 * @param workflows  for creating workflows from chat; null offers no workflow tools
 * @param tasks      tasks and reminders
 * @param accounts   what is going on with a company
 * @param counts     "how many …" questions
 * @param matcher    which records a free-text message names
 * @param undo       "undo that" for the user's last change in a conversation
 */
public record CrmServices(ContactService contacts, CompanyService companies, DealService deals,
                          InteractionService interactions, UserService users, AnalyticsService analytics,
                          Outbox outbox, UnitOfWork unitOfWork, KnowledgeSearch knowledge, WorkflowService workflows,
                          ScoringServices scoring, TaskService tasks, AccountSummaries accounts, RecordCounts counts,
                          RecordMatcher matcher, ChangeUndo undo) {

    /** Without workflows: the agent then offers no workflow tools (tests of other tools). */
    public CrmServices(ContactService contacts, CompanyService companies, DealService deals,
                       InteractionService interactions, UserService users, AnalyticsService analytics, Outbox outbox,
                       UnitOfWork unitOfWork, KnowledgeSearch knowledge, ScoringServices scoring, TaskService tasks,
                       AccountSummaries accounts, RecordCounts counts, RecordMatcher matcher, ChangeUndo undo) {
        this(contacts, companies, deals, interactions, users, analytics, outbox, unitOfWork, knowledge, null, scoring,
                tasks, accounts, counts, matcher, undo);
    }
}
