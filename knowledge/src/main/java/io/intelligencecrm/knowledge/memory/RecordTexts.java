package io.intelligencecrm.knowledge.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.knowledge.store.VectorChunk;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The text remembered for each CRM record: a short profile for contacts, companies and deals, the
 * note or message itself for interactions. Deleted or missing records yield nothing, so their
 * vectors are dropped.
 */
public final class RecordTexts {
    /** About 200 words: what all-MiniLM-L6-v2 reads before it truncates. */
    static final int CHUNK_CHARS = 1000;
    static final int CHUNK_OVERLAP = 150;

    private final TenantTransactions transactions;

    public RecordTexts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** The chunks of the given records of one type, grouped by nothing: each chunk names its source. */
    public List<VectorChunk> load(TenantId tenant, String type, Collection<UUID> ids) {
        UUID[] array = ids.toArray(UUID[]::new);
        return transactions.inTenant(tenant, handle -> switch (type) {
            case "contact" -> contacts(handle, array);
            case "company" -> companies(handle, array);
            case "deal" -> deals(handle, array);
            case "interaction" -> interactions(handle, array);
            default -> List.of();
        });
    }

    /** Interactions of these contacts that have no vector tied to the contact (after a merge or restore). */
    public List<UUID> interactionsMissingVectors(TenantId tenant, Collection<UUID> contactIds, String model) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select i.id from interactions i
                         where i.contact_id = any(:contacts) and i.deleted_at is null
                           and not exists (select 1 from embeddings e
                                            where e.tenant_id = crm_current_tenant() and e.source_type = 'interaction'
                                              and e.source_id = i.id and e.contact_id = i.contact_id and e.model = :model)""")
                .bind("contacts", contactIds.toArray(UUID[]::new)).bind("model", model)
                .mapTo(UUID.class).list());
    }

    private static List<VectorChunk> contacts(Handle handle, UUID[] ids) {
        return handle.createQuery("""
                        select c.id, c.first_name, c.last_name, c.email, c.phone, c.title, c.lifecycle_stage, c.source,
                               c.country, c.custom::text as custom, co.name as company, co.industry
                          from contacts c left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
                         where c.id = any(:ids) and c.deleted_at is null""")
                .bind("ids", ids).mapToMap().map(row -> {
                    UUID id = (UUID) row.get("id");
                    StringJoiner text = new StringJoiner(". ");
                    String name = (row.get("first_name") + " " + row.get("last_name")).trim();
                    text.add(join(" ", name.isEmpty() ? null : name, present(row.get("title")) ? "— " + row.get("title") : null,
                            present(row.get("company")) ? "at " + row.get("company") : null));
                    addIf(text, "Industry", row.get("industry"));
                    addIf(text, "Lifecycle stage", row.get("lifecycle_stage"));
                    addIf(text, "Source", row.get("source"));
                    addIf(text, "Country", row.get("country"));
                    addIf(text, "Email", row.get("email"));
                    addIf(text, "Phone", row.get("phone"));
                    addCustom(text, (String) row.get("custom"));
                    return new VectorChunk("contact", id, id, 0, null, text.toString());
                }).list();
    }

    private static List<VectorChunk> companies(Handle handle, UUID[] ids) {
        return handle.createQuery("""
                        select id, name, domain, industry, size_band, country, website, custom::text as custom
                          from companies where id = any(:ids) and deleted_at is null""")
                .bind("ids", ids).mapToMap().map(row -> {
                    StringJoiner text = new StringJoiner(". ");
                    text.add("Company " + row.get("name"));
                    addIf(text, "Domain", row.get("domain"));
                    addIf(text, "Industry", row.get("industry"));
                    addIf(text, "Size", row.get("size_band"));
                    addIf(text, "Country", row.get("country"));
                    addIf(text, "Website", row.get("website"));
                    addCustom(text, (String) row.get("custom"));
                    return new VectorChunk("company", (UUID) row.get("id"), null, 0, null, text.toString());
                }).list();
    }

    private static List<VectorChunk> deals(Handle handle, UUID[] ids) {
        List<VectorChunk> chunks = new ArrayList<>();
        handle.createQuery("""
                        select d.id, d.name, d.stage, d.amount, d.currency, d.expected_close_date, d.lost_reason,
                               d.description, d.contact_id, co.name as company,
                               trim(c.first_name || ' ' || c.last_name) as contact
                          from deals d
                          left join companies co on co.tenant_id = d.tenant_id and co.id = d.company_id
                          left join contacts c on c.tenant_id = d.tenant_id and c.id = d.contact_id
                         where d.id = any(:ids) and d.deleted_at is null""")
                .bind("ids", ids).mapToMap().forEach(row -> {
                    StringJoiner text = new StringJoiner(". ");
                    text.add("Deal " + row.get("name"));
                    addIf(text, "Stage", row.get("stage"));
                    text.add("Amount " + ((BigDecimal) row.get("amount")).toPlainString() + " " + row.get("currency"));
                    addIf(text, "Company", row.get("company"));
                    addIf(text, "Contact", row.get("contact"));
                    addIf(text, "Expected close", row.get("expected_close_date"));
                    addIf(text, "Lost because", row.get("lost_reason"));
                    chunks.addAll(split("deal", (UUID) row.get("id"), (UUID) row.get("contact_id"), "", text.toString(),
                            (String) row.get("description")));
                });
        return chunks;
    }

    private static List<VectorChunk> interactions(Handle handle, UUID[] ids) {
        List<VectorChunk> chunks = new ArrayList<>();
        handle.createQuery("""
                        select i.id, i.contact_id, i.type, i.direction, i.subject, i.content,
                               to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day,
                               trim(c.first_name || ' ' || c.last_name) as contact
                          from interactions i join contacts c on c.tenant_id = i.tenant_id and c.id = i.contact_id
                         where i.id = any(:ids) and i.deleted_at is null and c.deleted_at is null""")
                .bind("ids", ids).mapToMap().forEach(row -> {
                    String context = join(" ", capitalised((String) row.get("type")),
                            "internal".equals(row.get("direction")) ? null : "(" + row.get("direction") + ")",
                            "with " + row.get("contact"), "on " + row.get("day"));
                    String subject = present(row.get("subject")) ? (String) row.get("subject") : "";
                    chunks.addAll(split("interaction", (UUID) row.get("id"), (UUID) row.get("contact_id"), context,
                            subject, (String) row.get("content")));
                });
        return chunks;
    }

    /**
     * Long bodies become overlapping chunks, each led by {@code lead} (a subject or a deal's summary)
     * so it stands on its own; {@code context} is kept with every chunk but not embedded.
     */
    static List<VectorChunk> split(String type, UUID id, UUID contactId, String context, String lead, String body) {
        String prefix = lead.isBlank() ? "" : lead + ". ";
        if (body == null || body.isBlank()) {
            return List.of(new VectorChunk(type, id, contactId, 0, null, context, lead.isBlank() ? context : lead));
        }
        if (prefix.length() + body.length() <= CHUNK_CHARS) {
            return List.of(new VectorChunk(type, id, contactId, 0, null, context, prefix + body.strip()));
        }
        List<TextSegment> parts = DocumentSplitters.recursive(CHUNK_CHARS - prefix.length(), CHUNK_OVERLAP)
                .split(Document.from(body));
        List<VectorChunk> chunks = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            chunks.add(new VectorChunk(type, id, contactId, i, null, context, prefix + parts.get(i).text()));
        }
        return chunks;
    }

    private static void addCustom(StringJoiner text, String json) {
        if (json == null || json.equals("{}")) return;
        try {
            Map<String, Object> custom = Json.mapper().readValue(json, new TypeReference<>() { });
            custom.forEach((key, value) -> addIf(text, key.replace('_', ' '), value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom attributes are not JSON", e);
        }
    }

    private static void addIf(StringJoiner text, String label, Object value) {
        if (present(value)) text.add(label + ": " + value);
    }

    private static boolean present(Object value) {
        return value != null && !value.toString().isBlank();
    }

    private static String join(String separator, String... parts) {
        StringJoiner joined = new StringJoiner(separator);
        for (String part : parts) if (part != null && !part.isBlank()) joined.add(part);
        return joined.toString();
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
