package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.CompanyDao;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.deal.DealDao;
import io.intelligencecrm.core.erasure.ErasedAddresses;
import io.intelligencecrm.core.erasure.PersonErasure;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.interaction.InteractionDao;
import io.intelligencecrm.core.paging.NumberedPage;
import io.intelligencecrm.core.paging.Page;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.record.RecordTrash;
import io.intelligencecrm.core.record.RecordWrites;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Contacts: the rules every caller (REST API, agent tools, workflows, import) goes through —
 * permissions, validation, duplicate detection, audit and change notifications, each write in
 * one tenant transaction.
 */
public final class ContactService {
    public static final Set<String> FIELDS = ContactFields.NAMES;
    private static final int RECENT_INTERACTIONS = 10;

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ChangeFeed changes;
    private final RecordTrash trash;
    private final CompanyService companies;
    private final List<ErasureStep> erasureSteps;

    public ContactService(TenantTransactions transactions, AuditTrail audit, ChangeFeed changes,
                          CompanyService companies, List<ErasureStep> erasureSteps) {
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
        this.trash = new RecordTrash(audit, changes);
        this.companies = companies;
        this.erasureSteps = List.copyOf(erasureSteps);
    }

    public Page<Contact> list(Actor actor, ContactQuery query) {
        return transactions.inTenant(actor.tenant(), handle -> ContactSearch.run(handle, query));
    }

    /** A numbered page of the list (cursor ignored) with the count of all matches. */
    public NumberedPage<Contact> page(Actor actor, ContactQuery query, int page) {
        return transactions.inTenant(actor.tenant(), handle -> ContactSearch.numbered(handle, query, page));
    }

    public Contact get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> require(handle, id));
    }

    public ContactDetails details(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Contact contact = require(handle, id);
            LatestScore score = handle.createQuery("""
                            select score, model_version, metadata, calculated_at from lead_scores
                             where contact_id = :id order by calculated_at desc limit 1""")
                    .bind("id", id).mapTo(LatestScore.class).findOne().orElse(null);
            return new ContactDetails(contact,
                    contact.companyId() == null ? null : handle.attach(CompanyDao.class).find(contact.companyId()).orElse(null),
                    score, handle.attach(DealDao.class).openForContact(id),
                    handle.attach(InteractionDao.class).recentForContact(id, RECENT_INTERACTIONS));
        });
    }

    /** Fields as in the API: firstName, lastName, email, phone, title, lifecycleStage, source, country,
     * companyId or companyName (found or created), ownerId (managers/admins only), custom. */
    public Contact create(Actor actor, Map<String, Object> fields) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Violations violations = new Violations();
            Map<String, Object> values = ContactFields.read(new FieldReader(fields, FIELDS, violations), violations);
            String companyName = (String) values.remove("companyName");
            if (values.get("first_name") == null && values.get("last_name") == null && values.get("email") == null) {
                violations.add("lastName", "a contact needs a name or an email");
            }
            violations.throwIfAny();
            values.put("owner_id", Permissions.ownerForNewRecord(actor, (UUID) values.get("owner_id")));
            RecordWrites.requireActiveUser(handle, (UUID) values.get("owner_id"), "ownerId");
            if (values.get("company_id") != null) {
                companies.require(handle, (UUID) values.get("company_id"), "companyId");
            } else if (companyName != null) {
                values.put("company_id", companies.findOrCreate(actor, companyName, (String) values.get("email")).id());
            }
            rejectDuplicateEmail(handle, (String) values.get("email"), null);
            if (values.get("email") != null) {
                ErasedAddresses.refuse(handle, actor.tenant(), "email", (String) values.get("email"));
            }
            UUID id = RecordWrites.insert(handle, "contacts", values);
            Contact created = require(handle, id);
            audit.record(actor, "contact.create", "contact", id, RecordWrites.creationDiff(values));
            changes.publish(actor.tenant(), new RecordChange("contact", id, "created", Map.of(), actor.userId()));
            return created;
        });
    }

    /** A partial update: only the fields present change; a field given as null is cleared. */
    public Contact update(Actor actor, UUID id, Map<String, Object> patch) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Contact before = require(handle, id);
            requireWritable(handle, actor, before);
            Violations violations = new Violations();
            Map<String, Object> values = ContactFields.read(new FieldReader(patch, FIELDS, violations), violations);
            String companyName = (String) values.remove("companyName");
            violations.throwIfAny();
            if (values.containsKey("owner_id")) checkOwnerChange(handle, actor, (UUID) values.get("owner_id"));
            if (values.get("company_id") != null) companies.require(handle, (UUID) values.get("company_id"), "companyId");
            else if (companyName != null) {
                String email = values.containsKey("email") ? (String) values.get("email") : before.email();
                values.put("company_id", companies.findOrCreate(actor, companyName, email).id());
            }
            if (values.containsKey("custom")) values.put("custom", mergeAttributes(before.custom(), values.get("custom")));
            if (values.get("email") != null) {
                rejectDuplicateEmail(handle, (String) values.get("email"), id);
                if (!values.get("email").equals(before.email())) {
                    ErasedAddresses.refuse(handle, actor.tenant(), "email", (String) values.get("email"));
                }
            }
            Map<String, Object> diff = RecordWrites.diff(currentValues(before), values);
            if (diff.isEmpty()) return before;
            Map<String, Object> changed = new LinkedHashMap<>();
            diff.keySet().forEach(column -> changed.put(column, values.get(column)));
            RecordWrites.update(handle, "contacts", id, changed);
            Contact after = require(handle, id);
            if (after.firstName().isEmpty() && after.lastName().isEmpty() && after.email() == null) {
                throw CrmException.invalid("lastName", "a contact needs a name or an email");
            }
            audit.record(actor, "contact.update", "contact", id, diff);
            changes.publish(actor.tenant(), new RecordChange("contact", id, "updated", diff, actor.userId()));
            return after;
        });
    }

    public Contact changeStage(Actor actor, UUID id, LifecycleStage stage) {
        return update(actor, id, Map.of("lifecycleStage", stage.stored()));
    }

    public Contact assignOwner(Actor actor, UUID id, UUID ownerId) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("ownerId", ownerId == null ? null : ownerId.toString());
        return update(actor, id, patch);
    }

    public void delete(Actor actor, UUID id) {
        transactions.useTenant(actor.tenant(), handle -> {
            Contact contact = require(handle, id);
            requireWritable(handle, actor, contact);
            trash.delete(actor, "contact", id, () -> handle.attach(ContactDao.class).softDelete(id));
        });
    }

    /** Soft-deletes many contacts at once; managers and admins only. */
    public int bulkDelete(Actor actor, List<UUID> ids) {
        Permissions.requireManager(actor, "delete contacts in bulk");
        if (ids.size() > 1000) throw CrmException.invalid("ids", "at most 1000 at a time");
        return transactions.inTenant(actor.tenant(), handle -> {
            int deleted = 0;
            for (UUID id : ids) {
                if (trash.delete(actor, "contact", id, Map.of("bulk", true), Map.of(),
                        () -> handle.attach(ContactDao.class).softDelete(id))) {
                    deleted++;
                }
            }
            return deleted;
        });
    }

    public Contact restore(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Contact contact = handle.attach(ContactDao.class).find(id).orElseThrow(() -> CrmException.notFound("Contact"));
            requireWritable(handle, actor, contact);
            if (contact.deletedAt() == null) return contact;
            rejectDuplicateEmail(handle, contact.email(), id);
            trash.restore(actor, "contact", id, () -> handle.attach(ContactDao.class).restore(id));
            return require(handle, id);
        });
    }

    /**
     * Erases a person (admins only): the contact and the duplicates merged into it, their interactions and
     * scores, every copy of their data the CRM made elsewhere ({@link PersonErasure}: pending sends cancelled,
     * chat, proposals, audit entries, mail and every other table rewritten), and whatever the erasure steps
     * of other modules derived. Their addresses stay only as hashes on the suppression list, so they are not
     * contacted or imported again. Audit entries keep who did what; the erasure itself is recorded. Deals
     * survive without the person.
     */
    public void erase(Actor actor, UUID id) {
        Permissions.requireAdmin(actor, "erase people");
        transactions.useTenant(actor.tenant(), handle -> {
            handle.attach(ContactDao.class).find(id).orElseThrow(() -> CrmException.notFound("Contact"));
            List<UUID> people = handle.createQuery("""
                            with recursive person (id) as (
                                select cast(:id as uuid)
                                union select c.id from contacts c join person p on c.merged_into = p.id
                                 where c.tenant_id = crm_current_tenant())
                            select id from person""").bind("id", id).mapTo(UUID.class).list();
            UUID[] ids = people.toArray(UUID[]::new);
            List<UUID> interactionIds = new ArrayList<>();
            for (UUID person : people) {
                List<UUID> theirs = handle.createQuery("""
                                select id from interactions where tenant_id = crm_current_tenant() and contact_id = :id""")
                        .bind("id", person).mapTo(UUID.class).list();
                interactionIds.addAll(theirs);
                for (ErasureStep step : erasureSteps) step.erase(handle, actor.tenant(), person, theirs);
            }
            PersonErasure.Outcome erased = PersonErasure.erase(handle, actor.tenant(), people);
            handle.createUpdate("delete from contacts where tenant_id = crm_current_tenant() and id = any(:people)")
                    .bind("people", ids).execute();
            handle.createQuery("select crm_redact_audit('contact', :ids)").bind("ids", ids).mapTo(Integer.class).one();
            handle.createQuery("select crm_redact_audit('interaction', :ids)")
                    .bind("ids", interactionIds.toArray(UUID[]::new)).mapTo(Integer.class).one();
            audit.record(actor, "contact.erase", "contact", id, Map.of("interactionsErased", interactionIds.size(),
                    "duplicatesErased", people.size() - 1, "sendsCancelled", erased.cancelledSends(),
                    "runsCancelled", erased.cancelledRuns(), "proposalsWithdrawn", erased.withdrawnProposals(),
                    "rowsRewritten", erased.rewrittenRows()));
            changes.publish(actor.tenant(), new RecordChange("contact", id, "erased", Map.of(), actor.userId()));
            // Records whose vectors mentioned the person are embedded again from their rewritten text.
            erased.reembed().forEach(source -> changes.publish(actor.tenant(),
                    new RecordChange(source.type(), source.id(), "redacted", Map.of(), actor.userId())));
        });
    }

    /**
     * Merges a duplicate into a survivor: interactions, deals and scores move over, the survivor's
     * empty fields and missing attributes are filled from the duplicate, and the duplicate is
     * soft-deleted pointing at the survivor.
     */
    public Contact merge(Actor actor, UUID survivorId, UUID duplicateId) {
        if (survivorId.equals(duplicateId)) throw CrmException.invalid("duplicateId", "must differ from the survivor");
        return transactions.inTenant(actor.tenant(), handle -> {
            Contact survivor = require(handle, survivorId);
            Contact duplicate = require(handle, duplicateId);
            requireWritable(handle, actor, survivor);
            requireWritable(handle, actor, duplicate);
            Map<String, Object> moved = new LinkedHashMap<>();
            for (String table : List.of("interactions", "deals", "lead_scores")) {
                moved.put(table, handle.createUpdate("update " + table + " set contact_id = :survivor where contact_id = :duplicate")
                        .bind("survivor", survivorId).bind("duplicate", duplicateId).execute());
            }
            handle.attach(ContactDao.class).softDelete(duplicateId);
            handle.createUpdate("update contacts set merged_into = :survivor where id = :duplicate")
                    .bind("survivor", survivorId).bind("duplicate", duplicateId).execute();
            Map<String, Object> filled = new LinkedHashMap<>();
            Map<String, Object> survivorValues = currentValues(survivor);
            currentValues(duplicate).forEach((column, value) -> {
                if (value != null && survivorValues.get(column) == null && !column.equals("owner_id")) {
                    filled.put(column, value);
                }
            });
            Map<String, Object> attributes = new LinkedHashMap<>(duplicate.custom());
            attributes.putAll(survivor.custom());
            if (!attributes.equals(survivor.custom())) filled.put("custom", attributes);
            if (!filled.isEmpty()) RecordWrites.update(handle, "contacts", survivorId, filled);
            Map<String, Object> diff = new LinkedHashMap<>(moved);
            diff.put("mergedFrom", duplicateId.toString());
            diff.put("filled", filled.keySet());
            audit.record(actor, "contact.merge", "contact", survivorId, diff);
            audit.record(actor, "contact.merged_away", "contact", duplicateId, Map.of("into", survivorId.toString()));
            changes.publish(actor.tenant(), new RecordChange("contact", survivorId, "updated", Map.of(), actor.userId()));
            changes.publish(actor.tenant(), new RecordChange("contact", duplicateId, "merged", Map.of(), actor.userId()));
            return require(handle, survivorId);
        });
    }

    /** Whether a rep may write this contact: they own it, or own one of its deals. */
    public boolean isAssigned(Handle handle, Actor actor, Contact contact) {
        return Objects.equals(contact.ownerId(), actor.userId())
                || (actor.userId() != null && handle.attach(ContactDao.class).hasDealOwnedBy(contact.id(), actor.userId()));
    }

    public void requireWritable(Handle handle, Actor actor, Contact contact) {
        Permissions.requireWrite(actor, contact.ownerId(), isAssigned(handle, actor, contact), "contacts");
    }

    /** A live contact, or not-found — also for another tenant's id, which RLS hides. */
    public Contact require(Handle handle, UUID id) {
        return handle.attach(ContactDao.class).find(id).filter(c -> c.deletedAt() == null)
                .orElseThrow(() -> CrmException.notFound("Contact"));
    }

    private void checkOwnerChange(Handle handle, Actor actor, UUID newOwner) {
        if (newOwner == null || !newOwner.equals(actor.userId())) {
            Permissions.requireManager(actor, "give contacts to someone else");
        }
        RecordWrites.requireActiveUser(handle, newOwner, "ownerId");
    }

    private static void rejectDuplicateEmail(Handle handle, String email, UUID self) {
        if (email == null) return;
        handle.attach(ContactDao.class).findActiveByEmail(email)
                .filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw CrmException.duplicate("email", "A contact with this email already exists: " + existing.fullName(),
                            Map.of("existingId", existing.id().toString(), "field", "email"));
                });
    }

    private static Map<String, Object> mergeAttributes(Map<String, Object> current, Object patch) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        if (patch instanceof Map<?, ?> changes) {
            changes.forEach((key, value) -> {
                if (value == null) merged.remove(String.valueOf(key));
                else merged.put(String.valueOf(key), value);
            });
        }
        return merged;
    }

    private static Map<String, Object> currentValues(Contact contact) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("first_name", contact.firstName());
        values.put("last_name", contact.lastName());
        values.put("email", contact.email());
        values.put("phone", contact.phone());
        values.put("title", contact.title());
        values.put("lifecycle_stage", contact.lifecycleStage().stored());
        values.put("source", contact.source());
        values.put("country", contact.country());
        values.put("company_id", contact.companyId());
        values.put("owner_id", contact.ownerId());
        values.put("custom", contact.custom());
        return values;
    }
}
