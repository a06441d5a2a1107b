package io.intelligencecrm.core;

import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.analytics.DashboardFigures;
import io.intelligencecrm.core.analytics.RecordCounts;
import io.intelligencecrm.core.audit.AuditQuery;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.AccountSummaries;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.contact.ErasureStep;
import io.intelligencecrm.core.contact.transfer.ContactExport;
import io.intelligencecrm.core.contact.transfer.ContactImport;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.identity.ApiKeyService;
import io.intelligencecrm.core.identity.Authentication;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.match.RecordMatcher;
import io.intelligencecrm.core.notification.InboxCount;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantSettingsService;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.undo.ChangeUndo;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.core.workflow.WorkflowRuns;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The CRM's domain services, built once by the composition root and shared by every channel. */
public record CoreServices(TenantDirectory directory, AuditTrail audit, Outbox outbox, ChangeFeed changes,
                           Authentication authentication, UserService users, ApiKeyService apiKeys,
                           CompanyService companies, ContactService contacts, DealService deals,
                           InteractionService interactions, ContactImport contactImport, ContactExport contactExport,
                           AuditQuery auditQuery, WorkflowService workflows, WorkflowRuns workflowRuns,
                           TaskService tasks, AnalyticsService analytics, DashboardFigures dashboard,
                           InboxCount inbox, AccountSummaries accounts, RecordCounts counts, RecordMatcher matcher,
                           ChangeUndo undo, TenantSettingsService tenantSettings) {

    public static CoreServices create(Database database, Settings settings, Clock clock,
                                      List<ChangeSubscriber> subscribers, List<ErasureStep> erasureSteps,
                                      InvitationSender invitations, SessionRevocations revocations) {
        TenantTransactions transactions = database.tenants();
        TenantDirectory directory = new TenantDirectory(database.jdbi());
        PasswordHasher hasher = new PasswordHasher();
        AuditTrail audit = new AuditTrail(transactions);
        Outbox outbox = new Outbox(transactions);
        ChangeFeed changes = new ChangeFeed(outbox, subscribers);
        Authentication authentication = new Authentication(directory, transactions, hasher, audit, clock,
                Duration.ofDays(settings.auth().refreshTokenDays()), revocations);
        WorkflowRuns workflowRuns = new WorkflowRuns(transactions, outbox);
        // Cron workflows run on their owner's local time: a changed zone reschedules them.
        WorkflowService workflows = new WorkflowService(transactions, audit, workflowRuns);
        UserService users = new UserService(transactions, directory, hasher, audit, invitations, clock,
                Duration.ofHours(settings.auth().invitationHours()), settings.server().publicUrl(), revocations,
                workflows);
        CompanyService companies = new CompanyService(transactions, audit, changes);
        ContactService contacts = new ContactService(transactions, audit, changes, companies, erasureSteps);
        DealService deals = new DealService(transactions, audit, changes, companies, clock);
        InteractionService interactions = new InteractionService(transactions, audit, changes, contacts, clock);
        TaskService tasks = new TaskService(transactions, audit, clock, changes);
        return new CoreServices(directory, audit, outbox, changes, authentication, users,
                new ApiKeyService(transactions, audit), companies, contacts, deals, interactions,
                new ContactImport(transactions, contacts, audit, changes),
                new ContactExport(transactions, contacts, audit), new AuditQuery(transactions),
                workflows, workflowRuns, tasks,
                new AnalyticsService(transactions, clock), new DashboardFigures(transactions, clock),
                new InboxCount(transactions), new AccountSummaries(transactions, companies),
                new RecordCounts(transactions), new RecordMatcher(transactions),
                new ChangeUndo(transactions, audit, contacts, companies, deals, interactions, tasks),
                new TenantSettingsService(transactions, audit, workflows));
    }
}
