package io.intelligencecrm.core.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.MutableClock;
import io.intelligencecrm.core.testing.TestTenants;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proposals on a real database, with a clock the tests move. */
class ProposalServiceTest {
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(30);

    private static Database database;
    private static TenantId tenant;
    private static Actor rep;
    private static Actor otherRep;
    private static Actor viewer;
    private static CompanyService companies;
    private static ConversationService conversations;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final RenameCompany handler = new RenameCompany();
    private ProposalService proposals;

    /** Renames a company; an empty name is refused by the company service itself, after the handler wrote. */
    static final class RenameCompany implements ProposalHandler {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String action() {
            return "company.rename";
        }

        @Override
        public void validate(Actor actor, Map<String, Object> arguments) {
            if (!(arguments.get("companyId") instanceof String)) throw CrmException.invalid("companyId", "is required");
        }

        @Override
        public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
            runs.incrementAndGet();
            UUID id = UUID.fromString((String) arguments.get("companyId"));
            companies.update(actor, id, Map.of("industry", "renamed by proposal"));
            var company = companies.update(actor, id, Map.of("name", arguments.get("name")));
            return Map.of("name", company.name());
        }
    }

    @BeforeAll
    static void database() {
        database = TestPostgres.get().openFreshDatabase(2);
        tenant = TestTenants.create(database, "proposals").tenantId();
        UserRepository users = new UserRepository(database.tenants());
        rep = user(users, "rep@proposals.example", Role.REP);
        otherRep = user(users, "other@proposals.example", Role.REP);
        viewer = user(users, "viewer@proposals.example", Role.VIEWER);
        AuditTrail audit = new AuditTrail(database.tenants());
        companies = new CompanyService(database.tenants(), audit, new ChangeFeed(new Outbox(database.tenants()),
                List.of()));
        conversations = new ConversationService(database.tenants());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private ProposalService proposals() {
        if (proposals == null) {
            proposals = new ProposalService(database.tenants(), new AuditTrail(database.tenants()), clock, TIME_TO_LIVE,
                    List.of(handler));
        }
        return proposals;
    }

    @Test
    void approving_runs_the_handler_once_with_the_stored_arguments_and_audits_each_step() {
        UUID company = company("Acme Original");
        UUID conversation = conversations.start(rep, "web", null).id();
        Proposal proposal = proposals().propose(rep, conversation, "company.rename",
                Map.of("companyId", company.toString(), "name", "Acme Renamed"), "Rename Acme");

        Proposal approved = proposals().approve(rep, proposal.id(), proposal.argumentsHash());

        assertEquals(ProposalStatus.EXECUTED, approved.status());
        assertEquals(Map.of("name", "Acme Renamed"), approved.outcome());
        assertEquals(1, handler.runs.get());
        assertEquals("Acme Renamed", companies.details(rep, company).company().name());
        assertEquals(List.of("proposal.create", "proposal.approve", "proposal.execute"), auditActions(proposal.id()));
        assertEquals(conversation, auditConversation(proposal.id()));
    }

    @Test
    void an_edit_makes_a_new_proposal_with_the_new_text_and_sets_the_old_one_aside() {
        UUID company = company("Edit Co");
        Proposal proposal = renameProposal(company, "Edit Co Two");

        Proposal edited = proposals().revise(rep, proposal.id(), Map.of("name", "Edit Co Three"));

        assertEquals(ProposalStatus.PENDING, edited.status());
        assertEquals("Edit Co Three", edited.arguments().get("name"));
        assertEquals(company.toString(), edited.arguments().get("companyId"));
        assertTrue(edited.summary().contains("Edit Co Three"), edited.summary());
        Proposal old = proposals().get(rep, proposal.id());
        assertEquals(ProposalStatus.REJECTED, old.status());
        assertEquals(edited.id().toString(), old.outcome().get("replacedBy"));
        assertEquals(ErrorCode.VALIDATION, assertThrows(CrmException.class, () -> proposals().revise(rep, edited.id(),
                Map.of("companyId", UUID.randomUUID().toString()))).code(), "which record it acts on never changes");
        assertEquals(ErrorCode.CONFLICT, assertThrows(CrmException.class, () -> proposals().revise(rep, proposal.id(),
                Map.of("name", "Again"))).code(), "a decided proposal is not edited");
        proposals().approve(rep, edited.id(), edited.argumentsHash());
        assertEquals("Edit Co Three", companies.details(rep, company).company().name());
    }

    @Test
    void an_approval_quoting_another_hash_is_a_conflict_and_nothing_runs() {
        Proposal proposal = renameProposal(company("Hash Co"), "Hash Co Two");

        CrmException refused = assertThrows(CrmException.class,
                () -> proposals().approve(rep, proposal.id(), "0".repeat(64)));

        assertEquals(ErrorCode.CONFLICT, refused.code());
        assertEquals(0, handler.runs.get());
        assertEquals(ProposalStatus.PENDING, proposals().get(rep, proposal.id()).status());
        assertEquals(List.of("proposal.create"), auditActions(proposal.id()));
    }

    @Test
    void an_expired_proposal_is_refused() {
        Proposal proposal = renameProposal(company("Late Co"), "Late Co Two");
        clock.advance(TIME_TO_LIVE.plusSeconds(1));

        CrmException refused = assertThrows(CrmException.class,
                () -> proposals().approve(rep, proposal.id(), proposal.argumentsHash()));

        assertEquals(ErrorCode.CONFLICT, refused.code());
        assertEquals("expired", refused.extensions().get("status"));
        assertEquals(0, handler.runs.get());
        assertEquals(List.of(), proposals().pending(rep, null).stream().filter(p -> p.id().equals(proposal.id()))
                .toList());
    }

    @Test
    void a_second_approval_is_refused() {
        Proposal proposal = renameProposal(company("Twice Co"), "Twice Co Two");
        proposals().approve(rep, proposal.id(), proposal.argumentsHash());

        CrmException refused = assertThrows(CrmException.class,
                () -> proposals().approve(rep, proposal.id(), proposal.argumentsHash()));

        assertEquals(ErrorCode.CONFLICT, refused.code());
        assertEquals(1, handler.runs.get());
    }

    @Test
    void another_users_proposal_is_not_found() {
        Proposal proposal = renameProposal(company("Mine Co"), "Mine Co Two");

        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> proposals().approve(otherRep, proposal.id(), proposal.argumentsHash())).code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> proposals().reject(otherRep, proposal.id())).code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> proposals().get(otherRep, proposal.id())).code());
        assertEquals(0, handler.runs.get());
    }

    @Test
    void a_handler_refused_by_validation_leaves_the_proposal_failed_and_its_writes_rolled_back() {
        UUID company = company("Rollback Co");
        Proposal proposal = renameProposal(company, "");

        Proposal failed = proposals().approve(rep, proposal.id(), proposal.argumentsHash());

        assertEquals(ProposalStatus.FAILED, failed.status());
        assertTrue(String.valueOf(failed.outcome().get("error")).length() > 0, failed.outcome().toString());
        assertEquals(Map.of("name", "cannot be empty"), failed.outcome().get("fields"));
        var after = companies.details(rep, company).company();
        assertEquals("Rollback Co", after.name());
        assertEquals(null, after.industry(), "the handler's first write was rolled back");
        assertEquals(List.of("proposal.create", "proposal.fail"), auditActions(proposal.id()));
        assertEquals(ErrorCode.CONFLICT, assertThrows(CrmException.class,
                () -> proposals().approve(rep, proposal.id(), proposal.argumentsHash())).code());
    }

    @Test
    void rejecting_decides_the_proposal_without_running_it() {
        Proposal proposal = renameProposal(company("No Co"), "No Co Two");

        Proposal rejected = proposals().reject(rep, proposal.id());

        assertEquals(ProposalStatus.REJECTED, rejected.status());
        assertEquals(0, handler.runs.get());
        assertEquals(List.of("proposal.create", "proposal.reject"), auditActions(proposal.id()));
        assertEquals(ErrorCode.CONFLICT, assertThrows(CrmException.class,
                () -> proposals().approve(rep, proposal.id(), proposal.argumentsHash())).code());
    }

    @Test
    void a_viewer_cannot_propose() {
        UUID company = company("Viewer Co");
        CrmException refused = assertThrows(CrmException.class, () -> proposals().propose(viewer, null,
                "company.rename", Map.of("companyId", company.toString(), "name", "x"), "Rename"));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
    }

    @Test
    void arguments_the_handler_rejects_are_refused_when_proposed() {
        CrmException refused = assertThrows(CrmException.class,
                () -> proposals().propose(rep, null, "company.rename", Map.of("name", "x"), "Rename"));
        assertEquals(ErrorCode.VALIDATION, refused.code());
        assertEquals(Map.of("companyId", "is required"), refused.fieldErrors());
    }

    private Proposal renameProposal(UUID company, String name) {
        return proposals().propose(rep, null, "company.rename", Map.of("companyId", company.toString(), "name", name),
                "Rename the company to " + name);
    }

    private static UUID company(String name) {
        return companies.create(rep, Map.of("name", name)).id();
    }

    private static List<String> auditActions(UUID proposal) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery(
                        "select action from audit_log where entity_type = 'proposal' and entity_id = :id order by id")
                .bind("id", proposal).mapTo(String.class).list());
    }

    private static UUID auditConversation(UUID proposal) {
        return database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select distinct conversation_id from audit_log
                         where entity_type = 'proposal' and entity_id = :id""")
                .bind("id", proposal).mapTo(UUID.class).one());
    }

    private static Actor user(UserRepository users, String email, Role role) {
        return Actor.user(tenant, users.create(tenant, email, email, role, "UTC", null).id(), role);
    }
}
