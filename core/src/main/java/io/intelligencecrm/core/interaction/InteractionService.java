package io.intelligencecrm.core.interaction;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactDao;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.DealDao;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.paging.Keyset;
import io.intelligencecrm.core.paging.Page;
import io.intelligencecrm.core.paging.SortKey;
import io.intelligencecrm.core.paging.Sorted;
import io.intelligencecrm.core.paging.SortKey.Kind;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.record.RecordTrash;
import io.intelligencecrm.core.record.RecordWrites;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Notes, calls, meetings, emails and messages on a contact's timeline. A rep may log on contacts
 * they own or are assigned to, and change what they wrote.
 */
public final class InteractionService {
    public static final Set<String> FIELDS = Set.of("contactId", "dealId", "type", "direction", "subject", "content",
            "occurredAt");
    private static final SortKey TIMELINE = new SortKey("occurred", "i.occurred_at", Kind.TIMESTAMP);
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(366);

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ChangeFeed changes;
    private final RecordTrash trash;
    private final ContactService contacts;
    private final Clock clock;

    public InteractionService(TenantTransactions transactions, AuditTrail audit, ChangeFeed changes,
                              ContactService contacts, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
        this.trash = new RecordTrash(audit, changes);
        this.contacts = contacts;
        this.clock = clock;
    }

    public Page<Interaction> list(Actor actor, InteractionQuery query) {
        Keyset keyset = Keyset.of(TIMELINE, true, query.cursor(), query.limit());
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>(keyset.bindings());
        where.add(query.deleted() ? "i.deleted_at is not null" : "i.deleted_at is null");
        if (query.contactId() != null) {
            where.add("i.contact_id = :contactId");
            binds.put("contactId", query.contactId());
        }
        if (query.dealId() != null) {
            where.add("i.deal_id = :dealId");
            binds.put("dealId", query.dealId());
        }
        if (query.type() != null) {
            where.add("i.type = :type");
            binds.put("type", query.type().stored());
        }
        if (query.direction() != null) {
            where.add("i.direction = :direction");
            binds.put("direction", query.direction().stored());
        }
        if (query.authorId() != null) {
            where.add("i.author_id = :authorId");
            binds.put("authorId", query.authorId());
        }
        if (query.from() != null) {
            where.add("i.occurred_at >= :from");
            binds.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("i.occurred_at < :to");
            binds.put("to", query.to());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("to_tsvector('english', coalesce(i.subject, '') || ' ' || i.content) @@ websearch_to_tsquery('english', :q)");
            binds.put("q", query.q());
        }
        where.add(keyset.condition("i.id"));
        String sql = "select i.occurred_at as sort_value, " + InteractionDao.COLUMNS.replaceAll("(^|, )", "$1i.")
                + " from interactions i where " + String.join(" and ", where) + keyset.orderBy("i.id");
        return transactions.inTenant(actor.tenant(), handle -> {
            Query statement = handle.createQuery(sql);
            binds.forEach(statement::bind);
            return keyset.page(statement.map(Sorted.mapper(Interaction.class)).list(), Interaction::id);
        });
    }

    public Interaction get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> require(handle, id));
    }

    /** Logs an interaction on a contact (and optionally one of its deals); the author is the actor. */
    public Interaction log(Actor actor, Map<String, Object> fields) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Violations violations = new Violations();
            FieldReader reader = new FieldReader(fields, FIELDS, violations);
            UUID contactId = reader.id("contactId");
            if (contactId == null && !violations.has("contactId")) violations.add("contactId", "is required");
            InteractionType type = reader.choice("type", InteractionType.class);
            if (type == null && !violations.has("type")) violations.add("type", "is required");
            Direction direction = reader.choice("direction", Direction.class);
            String subject = reader.text("subject", 500);
            String content = reader.text("content", 100_000);
            Instant occurredAt = reader.instant("occurredAt");
            UUID dealId = reader.id("dealId");
            checkOccurredAt(violations, occurredAt);
            if (content == null && subject == null && !violations.has("content")) {
                violations.add("content", "is required (what happened?)");
            }
            violations.throwIfAny();
            Contact contact = handle.attach(ContactDao.class).find(contactId)
                    .filter(c -> c.deletedAt() == null)
                    .orElseThrow(() -> CrmException.invalid("contactId", "no such contact"));
            contacts.requireWritable(handle, actor, contact);
            if (dealId != null) {
                handle.attach(DealDao.class).find(dealId).filter(d -> d.deletedAt() == null
                                && (d.contactId() == null || d.contactId().equals(contactId)))
                        .orElseThrow(() -> CrmException.invalid("dealId", "no such deal for this contact"));
            }
            Interaction created = handle.attach(InteractionDao.class).insert(new NewInteraction(contactId, dealId, type,
                    direction == null ? defaultDirection(type) : direction, subject, content == null ? "" : content,
                    occurredAt, actor.userId()));
            audit.record(actor, "interaction.create", "interaction", created.id(),
                    Map.of("contactId", contactId.toString(), "type", type.stored()));
            changes.publish(actor.tenant(), new RecordChange("interaction", created.id(), "created",
                    Map.of("contactId", contactId.toString(), "type", type.stored()), actor.userId()));
            return created;
        });
    }

    public Interaction update(Actor actor, UUID id, Map<String, Object> patch) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Interaction before = require(handle, id);
            requireWritable(handle, actor, before);
            Violations violations = new Violations();
            FieldReader reader = new FieldReader(patch, Set.of("type", "direction", "subject", "content", "occurredAt"),
                    violations);
            Map<String, Object> values = new LinkedHashMap<>();
            if (reader.has("type")) {
                InteractionType type = reader.choice("type", InteractionType.class);
                if (type == null && !violations.has("type")) violations.add("type", "cannot be empty");
                values.put("type", type == null ? null : type.stored());
            }
            if (reader.has("direction")) {
                Direction direction = reader.choice("direction", Direction.class);
                values.put("direction", direction == null ? Direction.INTERNAL.stored() : direction.stored());
            }
            if (reader.has("subject")) values.put("subject", reader.text("subject", 500));
            if (reader.has("content")) {
                String content = reader.text("content", 100_000);
                values.put("content", content == null ? "" : content);
            }
            if (reader.has("occurredAt")) {
                Instant occurredAt = reader.instant("occurredAt");
                if (occurredAt == null && !violations.has("occurredAt")) violations.add("occurredAt", "cannot be empty");
                checkOccurredAt(violations, occurredAt);
                values.put("occurred_at", occurredAt);
            }
            violations.throwIfAny();
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("type", before.type().stored());
            current.put("direction", before.direction().stored());
            current.put("subject", before.subject());
            current.put("content", before.content());
            current.put("occurred_at", before.occurredAt());
            Map<String, Object> diff = RecordWrites.diff(current, values);
            if (diff.isEmpty()) return before;
            Map<String, Object> changed = new LinkedHashMap<>();
            diff.keySet().forEach(column -> changed.put(column, values.get(column)));
            RecordWrites.update(handle, "interactions", id, changed);
            audit.record(actor, "interaction.update", "interaction", id, diff);
            changes.publish(actor.tenant(), new RecordChange("interaction", id, "updated",
                    Map.of("contactId", before.contactId().toString()), actor.userId()));
            return require(handle, id);
        });
    }

    /**
     * Moves an interaction the actor wrote to another contact they may write (a call logged on the
     * wrong Jane). A link to a deal of the old contact is dropped; one to a deal of the new contact or to
     * no contact's deal is kept.
     */
    public Interaction move(Actor actor, UUID id, UUID contactId) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Interaction before = require(handle, id);
            Permissions.requireWriter(actor);
            if (!Objects.equals(before.authorId(), actor.userId())) {
                throw CrmException.forbidden("Only the person who logged an interaction can move it");
            }
            Contact target = handle.attach(ContactDao.class).find(contactId).filter(c -> c.deletedAt() == null)
                    .orElseThrow(() -> CrmException.invalid("contactId", "no such contact"));
            contacts.requireWritable(handle, actor, target);
            if (contactId.equals(before.contactId())) return before;
            UUID dealId = before.dealId() == null ? null : handle.attach(DealDao.class).find(before.dealId())
                    .filter(deal -> deal.contactId() == null || deal.contactId().equals(contactId))
                    .map(deal -> deal.id()).orElse(null);
            Map<String, Object> changed = new LinkedHashMap<>();
            changed.put("contact_id", contactId);
            changed.put("deal_id", dealId);
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("contact_id", before.contactId());
            current.put("deal_id", before.dealId());
            Map<String, Object> diff = RecordWrites.diff(current, changed);
            RecordWrites.update(handle, "interactions", id, changed);
            audit.record(actor, "interaction.move", "interaction", id, diff);
            changes.publish(actor.tenant(), new RecordChange("interaction", id, "updated",
                    Map.of("contactId", contactId.toString(), "movedFrom", before.contactId().toString()), actor.userId()));
            return require(handle, id);
        });
    }

    public void delete(Actor actor, UUID id) {
        transactions.useTenant(actor.tenant(), handle -> {
            Interaction interaction = require(handle, id);
            requireWritable(handle, actor, interaction);
            trash.delete(actor, "interaction", id, Map.of(), Map.of("contactId", interaction.contactId().toString()),
                    () -> handle.attach(InteractionDao.class).softDelete(id));
        });
    }

    public Interaction restore(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Interaction interaction = handle.attach(InteractionDao.class).find(id)
                    .orElseThrow(() -> CrmException.notFound("Interaction"));
            requireWritable(handle, actor, interaction);
            trash.restore(actor, "interaction", id, Map.of("contactId", interaction.contactId().toString()),
                    () -> handle.attach(InteractionDao.class).restore(id));
            return require(handle, id);
        });
    }

    /**
     * Merges machine-set facts into an interaction's metadata (e.g. that an email is only queued so
     * far); not an API field, so clients cannot forge them. Same write rule as editing it.
     */
    public Interaction addMetadata(Actor actor, UUID id, Map<String, Object> facts) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Interaction before = require(handle, id);
            requireWritable(handle, actor, before);
            handle.createUpdate("update interactions set metadata = metadata || :facts where id = :id")
                    .bind("facts", facts).bind("id", id).execute();
            audit.record(actor, "interaction.annotate", "interaction", id, facts);
            return require(handle, id);
        });
    }

    /** Authors may change what they wrote; otherwise the contact's write rule applies. */
    private void requireWritable(Handle handle, Actor actor, Interaction interaction) {
        if (Objects.equals(interaction.authorId(), actor.userId())) return;
        Contact contact = handle.attach(ContactDao.class).find(interaction.contactId())
                .orElseThrow(() -> CrmException.notFound("Interaction"));
        if (!Permissions.canWrite(actor, contact.ownerId(), contacts.isAssigned(handle, actor, contact))) {
            throw CrmException.forbidden("Reps can only change interactions they wrote or on contacts they own");
        }
    }

    private Interaction require(Handle handle, UUID id) {
        return handle.attach(InteractionDao.class).find(id).filter(i -> i.deletedAt() == null)
                .orElseThrow(() -> CrmException.notFound("Interaction"));
    }

    private void checkOccurredAt(Violations violations, Instant occurredAt) {
        if (occurredAt != null && occurredAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            violations.add("occurredAt", "is more than a year in the future");
        }
    }

    private static Direction defaultDirection(InteractionType type) {
        return switch (type) {
            case NOTE -> Direction.INTERNAL;
            case CALL, MEETING, EMAIL, CHAT, SMS -> Direction.OUTBOUND;
        };
    }
}
