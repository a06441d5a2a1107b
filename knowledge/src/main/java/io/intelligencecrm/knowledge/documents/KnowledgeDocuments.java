package io.intelligencecrm.knowledge.documents;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.text.NulCharacters;
import io.intelligencecrm.core.user.Role;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The tenant's knowledge base: upload (checked, stored, indexed in the background), list, re-index
 * and delete. Everyone who may write records may add documents; deleting one is for its uploader,
 * managers and admins. Deleting removes its vectors in the same transaction.
 */
public final class KnowledgeDocuments {
    private static final RowMapper<KnowledgeDocument> MAPPER = (rs, ctx) -> new KnowledgeDocument(
            rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("filename"), rs.getString("content_type"),
            rs.getInt("size_bytes"), rs.getString("status"), rs.getString("error"), rs.getInt("chunk_count"),
            rs.getObject("uploaded_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("indexed_at") == null ? null : rs.getTimestamp("indexed_at").toInstant());
    private static final String COLUMNS = """
            id, title, filename, content_type, size_bytes, status, error, chunk_count, uploaded_by, created_at, indexed_at""";

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final DocumentParser parser;
    private final int maxBytes;

    public KnowledgeDocuments(TenantTransactions transactions, AuditTrail audit, Outbox outbox, DocumentParser parser,
                              int maxBytes) {
        this.transactions = transactions;
        this.audit = audit;
        this.outbox = outbox;
        this.parser = parser;
        this.maxBytes = maxBytes;
    }

    /**
     * Checks and stores a file; indexing follows within seconds. The file is parsed once here so an
     * unreadable upload is refused at once rather than failing later in the background.
     *
     * @param title shown in citations; the file name without extension when blank
     */
    public KnowledgeDocument upload(Actor actor, String filename, String title, byte[] content) {
        if (!actor.role().writes()) throw CrmException.forbidden("Your role cannot add documents");
        if (filename == null || filename.isBlank()) throw CrmException.invalid("file", "a file is required");
        NulCharacters.reject("file", filename);
        NulCharacters.reject("title", title);
        String name = filename.strip().replaceAll("[\\\\/]", "_");
        if (name.length() > 300) throw CrmException.invalid("file", "the file name is longer than 300 characters");
        if (content == null || content.length == 0) throw CrmException.invalid("file", "the file is empty");
        if (content.length > maxBytes) {
            throw CrmException.invalid("file", "the file is larger than " + (maxBytes / (1024 * 1024)) + " MB");
        }
        DocumentType type = DocumentType.detect(name, content);
        parser.parse(type, content);
        String shownTitle = title == null || title.isBlank() ? name.replaceFirst("\\.[^.]+$", "") : title.strip();
        if (shownTitle.length() > 300) throw CrmException.invalid("title", "at most 300 characters");
        String sha256 = sha256(content);
        return transactions.inTenant(actor.tenant(), handle -> {
            Optional<UUID> existing = handle.createQuery("select id from knowledge_documents where sha256 = :sha")
                    .bind("sha", sha256).mapTo(UUID.class).findOne();
            if (existing.isPresent()) {
                throw CrmException.conflict("This file is already in the knowledge base",
                        Map.of("existingId", existing.get().toString()));
            }
            UUID id = handle.createQuery("""
                            insert into knowledge_documents (tenant_id, title, filename, content_type, size_bytes, sha256,
                                                             content, uploaded_by)
                            values (crm_current_tenant(), :title, :filename, :type, :size, :sha, :content, :user)
                            returning id""")
                    .bind("title", shownTitle).bind("filename", name).bind("type", type.contentType())
                    .bind("size", content.length).bind("sha", sha256).bind("content", content)
                    .bind("user", actor.userId())
                    .mapTo(UUID.class).one();
            DocumentIndexHandler.enqueue(outbox, actor.tenant(), id);
            audit.record(actor, "knowledge.upload", "document", id,
                    Map.of("title", shownTitle, "filename", name, "bytes", content.length));
            return require(handle, id);
        });
    }

    public List<KnowledgeDocument> list(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery(
                        "select " + COLUMNS + " from knowledge_documents order by created_at desc, id desc")
                .map(MAPPER).list());
    }

    public KnowledgeDocument get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> require(handle, id));
    }

    public KnowledgeDocument reindex(Actor actor, UUID id) {
        if (!actor.role().writes()) throw CrmException.forbidden("Your role cannot re-index documents");
        return transactions.inTenant(actor.tenant(), handle -> {
            require(handle, id);
            handle.createUpdate("update knowledge_documents set status = 'pending', error = null where id = :id")
                    .bind("id", id).execute();
            DocumentIndexHandler.enqueue(outbox, actor.tenant(), id);
            audit.record(actor, "knowledge.reindex", "document", id, Map.of());
            return require(handle, id);
        });
    }

    public void delete(Actor actor, UUID id) {
        transactions.useTenant(actor.tenant(), handle -> {
            KnowledgeDocument document = require(handle, id);
            boolean own = actor.userId() != null && actor.userId().equals(document.uploadedBy());
            if (!actor.role().writes() || !(own || actor.role().atLeast(Role.MANAGER))) {
                throw CrmException.forbidden("Only the uploader, managers and admins can delete a document");
            }
            handle.createUpdate("delete from knowledge_documents where id = :id").bind("id", id).execute();
            audit.record(actor, "knowledge.delete", "document", id, Map.of("title", document.title()));
        });
    }

    private static KnowledgeDocument require(Handle handle, UUID id) {
        return handle.createQuery("select " + COLUMNS + " from knowledge_documents where id = :id")
                .bind("id", id).map(MAPPER).findOne()
                .orElseThrow(() -> CrmException.notFound("Document " + id));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
