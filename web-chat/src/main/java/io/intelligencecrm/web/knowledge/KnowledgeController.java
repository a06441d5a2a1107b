package io.intelligencecrm.web.knowledge;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.knowledge.documents.KnowledgeDocuments;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;

/** The knowledge base over HTTP: upload (multipart), list, show, re-index, delete. */
public final class KnowledgeController {
    private final KnowledgeDocuments documents;

    public KnowledgeController(KnowledgeDocuments documents) {
        this.documents = documents;
    }

    public void routes(ApiRoutes api) {
        api.post("/api/knowledge", this::upload).doc("knowledge", "Add a document to the knowledge base")
                .description("multipart/form-data with a `file` part (Markdown .md, plain text .txt, HTML .html or PDF .pdf, "
                        + "at most CRM_KNOWLEDGE_MAX_UPLOAD_MB) and an optional `title`. The document is indexed in the "
                        + "background within seconds (status pending, then indexed or failed). 409 with existingId when "
                        + "the same file is already there.")
                .body("KnowledgeUpload", "multipart/form-data").returns(201, "KnowledgeDocument");
        api.get("/api/knowledge", this::list).doc("knowledge", "The knowledge base's documents, newest first")
                .returns("KnowledgeDocumentList");
        api.get("/api/knowledge/{id}", this::get).doc("knowledge", "One document's status").returns("KnowledgeDocument");
        api.post("/api/knowledge/{id}/reindex", this::reindex).doc("knowledge", "Parse and embed the document again")
                .returns("KnowledgeDocument");
        api.delete("/api/knowledge/{id}", this::delete)
                .doc("knowledge", "Remove a document and its passages (uploader, managers, admins)").returns(204, null);
    }

    void upload(Context ctx) throws IOException {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        if (!contentType.startsWith("multipart/")) {
            throw CrmException.invalid("file", "send multipart/form-data with the document in a part named file");
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) throw CrmException.invalid("file", "attach the document as a part named file");
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readAllBytes();
        }
        ctx.status(201).json(documents.upload(CurrentActor.of(ctx), file.filename(), ctx.formParam("title"), content));
    }

    void list(Context ctx) {
        ctx.json(java.util.Map.of("items", documents.list(CurrentActor.of(ctx))));
    }

    void get(Context ctx) {
        ctx.json(documents.get(CurrentActor.of(ctx), Requests.id(ctx, "id", "Document")));
    }

    void reindex(Context ctx) {
        ctx.json(documents.reindex(CurrentActor.of(ctx), Requests.id(ctx, "id", "Document")));
    }

    void delete(Context ctx) {
        documents.delete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Document"));
        ctx.status(204);
    }
}
