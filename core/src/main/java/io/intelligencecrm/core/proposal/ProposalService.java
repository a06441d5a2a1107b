package io.intelligencecrm.core.proposal;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Side effects with reach wait here for the person they act for. A proposal executes once, with
 * its stored arguments, only when its own user approves it before it expires; an approval that
 * quotes other arguments (a different hash) is refused. Every step is audited.
 */
public final class ProposalService {
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<String, ProposalHandler> handlers;

    public ProposalService(TenantTransactions transactions, AuditTrail audit, Clock clock, Duration timeToLive,
                           List<ProposalHandler> handlers) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ProposalHandler::action,
                Function.identity()));
    }

    /** Records what the agent wants to do for this user; nothing happens until they approve. */
    public Proposal propose(Actor actor, UUID conversationId, String action, Map<String, Object> arguments,
                            String summary) {
        Permissions.requireWriter(actor);
        ProposalHandler handler = handler(action);
        Map<String, Object> stored = ArgumentsHash.normalize(arguments);
        handler.validate(actor, stored);
        return transactions.inTenant(actor.tenant(), handle -> {
            Proposal proposal = handle.attach(ProposalDao.class).insert(actor.userId(), conversationId, action, stored,
                    ArgumentsHash.of(stored), summary, clock.instant().plus(timeToLive));
            audit.record(actor, "proposal.create", "proposal", proposal.id(),
                    Map.of("action", action, "summary", summary), conversationId);
            return proposal;
        });
    }

    public Proposal get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> requireOwn(handle, actor, id));
    }

    /** The user's proposals still waiting for a decision, newest first; in one conversation when given. */
    public List<Proposal> pending(Actor actor, UUID conversationId) {
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(ProposalDao.class)
                .pending(actor.userId(), conversationId, clock.instant()));
    }

    /**
     * Executes the proposal with its stored arguments, once: the proposal row stays locked from the
     * check to the recorded outcome, so concurrent approvals serialise and only the first runs.
     *
     * @param argumentsHash the hash the approver was shown; it must match the stored arguments
     */
    public Proposal approve(Actor actor, UUID id, String argumentsHash) {
        Permissions.requireWriter(actor);
        try {
            return transactions.inTenant(actor.tenant(), handle -> {
                Proposal proposal = requireDecidable(handle, actor, id);
                String stored = ArgumentsHash.of(proposal.arguments());
                if (!stored.equals(proposal.argumentsHash()) || !stored.equals(argumentsHash)) {
                    throw new CrmException(ErrorCode.CONFLICT, "The approval does not match the proposed action's"
                            + " arguments; review the proposal again before approving",
                            Map.of("argumentsHash", "does not match the proposal"));
                }
                audit.record(actor, "proposal.approve", "proposal", id, Map.of("action", proposal.action()),
                        proposal.conversationId());
                Map<String, Object> outcome = handler(proposal.action()).execute(actor.viaAgent(), proposal.arguments());
                audit.record(actor, "proposal.execute", "proposal", id, outcome, proposal.conversationId());
                return handle.attach(ProposalDao.class).decide(id, ProposalStatus.EXECUTED, outcome);
            });
        } catch (CrmException e) {
            if (e.code() == ErrorCode.CONFLICT || e.code() == ErrorCode.NOT_FOUND) throw e;
            return recordFailure(actor, id, e);
        }
    }

    public Proposal reject(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Proposal proposal = requireDecidable(handle, actor, id);
            audit.record(actor, "proposal.reject", "proposal", id, Map.of("action", proposal.action()),
                    proposal.conversationId());
            return handle.attach(ProposalDao.class).decide(id, ProposalStatus.REJECTED, Map.of());
        });
    }

    /**
     * A person's edit of a pending proposal before deciding it: the edited one is rejected (its outcome
     * names the replacement) and a new proposal with the changed arguments waits for its own approval,
     * so an approval still only ever runs what was shown. Only text the proposal already holds can
     * change (a subject, a body, a stage), never the records it acts on.
     */
    public Proposal revise(Actor actor, UUID id, Map<String, Object> changes) {
        Permissions.requireWriter(actor);
        Proposal before = get(actor, id);
        if (changes.isEmpty()) throw CrmException.invalid("arguments", "name at least one thing to change");
        Map<String, Object> arguments = new LinkedHashMap<>(before.arguments());
        String summary = before.summary();
        for (var change : changes.entrySet()) {
            String key = change.getKey();
            if (!(arguments.get(key) instanceof String old) || !editable(key, old)) {
                throw CrmException.invalid(key, "cannot be changed here; ask the agent for a new proposal instead");
            }
            if (!(change.getValue() instanceof String text) || text.isBlank()) throw CrmException.invalid(key, "must not be empty");
            arguments.put(key, text.strip());
            if (!old.isBlank() && summary.contains(old.strip())) summary = summary.replace(old.strip(), text.strip());
        }
        Map<String, Object> stored = ArgumentsHash.normalize(arguments);
        handler(before.action()).validate(actor, stored);
        String newSummary = summary;
        return transactions.inTenant(actor.tenant(), handle -> {
            requireDecidable(handle, actor, id);
            ProposalDao dao = handle.attach(ProposalDao.class);
            Proposal revised = dao.insert(actor.userId(), before.conversationId(), before.action(), stored,
                    ArgumentsHash.of(stored), newSummary, clock.instant().plus(timeToLive));
            dao.decide(id, ProposalStatus.REJECTED, Map.of("replacedBy", revised.id().toString()));
            audit.record(actor, "proposal.revise", "proposal", id, Map.of("replacedBy", revised.id().toString(),
                    "changed", List.copyOf(changes.keySet())), before.conversationId());
            return revised;
        });
    }

    /** Text a person may reword; ids and the keys that derive from them stay as proposed. */
    private static boolean editable(String key, String value) {
        return !key.equals("id") && !key.endsWith("Id") && !key.endsWith("Ids")
                && !value.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    /** The action was refused (permissions, validation): its changes rolled back; the refusal is kept. */
    private Proposal recordFailure(Actor actor, UUID id, CrmException failure) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("error", failure.getMessage());
        if (!failure.fieldErrors().isEmpty()) outcome.put("fields", failure.fieldErrors());
        return transactions.inTenant(actor.tenant(), handle -> {
            Proposal proposal = requireDecidable(handle, actor, id);
            audit.record(actor, "proposal.fail", "proposal", id, outcome, proposal.conversationId());
            return handle.attach(ProposalDao.class).decide(id, ProposalStatus.FAILED, outcome);
        });
    }

    private Proposal requireDecidable(Handle handle, Actor actor, UUID id) {
        Proposal proposal = handle.attach(ProposalDao.class).lock(id)
                .filter(p -> Objects.equals(p.userId(), actor.userId()))
                .orElseThrow(() -> CrmException.notFound("Proposal"));
        if (proposal.status() != ProposalStatus.PENDING) {
            throw CrmException.conflict("This proposal was already " + proposal.status().stored(),
                    Map.of("status", proposal.status().stored()));
        }
        if (!proposal.expiresAt().isAfter(clock.instant())) {
            throw CrmException.conflict("This proposal expired; ask the agent again if it is still wanted",
                    Map.of("status", "expired"));
        }
        return proposal;
    }

    /** Another user's proposal is refused as if it did not exist: ids reveal nothing. */
    private static Proposal requireOwn(Handle handle, Actor actor, UUID id) {
        return handle.attach(ProposalDao.class).find(id)
                .filter(p -> Objects.equals(p.userId(), actor.userId()))
                .orElseThrow(() -> CrmException.notFound("Proposal"));
    }

    private ProposalHandler handler(String action) {
        ProposalHandler handler = handlers.get(action);
        if (handler == null) throw new IllegalArgumentException("no handler for proposed action " + action);
        return handler;
    }
}
