package io.intelligencecrm.web.contact;

import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.transfer.ContactExport;
import io.intelligencecrm.core.contact.transfer.ContactImport;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.text.NulCharacters;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** CSV in (multipart file or a text/csv body) and out. */
public final class ContactTransferController {
    private final ContactImport importer;
    private final ContactExport exporter;

    public ContactTransferController(ContactImport importer, ContactExport exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    public void routes(ApiRoutes api) {
        api.post("/api/contacts/import", this::importCsv).doc("contacts", "Import contacts from CSV")
                .description("Send text/csv, or multipart/form-data with a `file` part (and optionally a `mapping` part). "
                        + "Columns are matched to fields by header (First name, Email, Company, ...); others become "
                        + "custom attributes with an inferred type. Rows with a known email are skipped or updated.")
                .query("dryRun", "boolean", "report what would happen without writing")
                .query("onDuplicate", "string", "skip (default) or update contacts whose email exists")
                .query("mapping", "string", "JSON object of column header to target field, custom.<name> or ignore")
                .query("missingValues", "string", "comma-separated cell values that mean missing in this file,"
                        + " e.g. Select,N/A,-,unknown (the tenant's declared ones always count)")
                .body("string", "text/csv").returns("ImportReport");
        ContactListParameters.document(api.get("/api/contacts/export.csv", this::exportCsv)
                .doc("contacts", "Export the filtered contact list as CSV (managers, admins)").returnsText("text/csv"));
    }

    void importCsv(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx);
        boolean dryRun = Boolean.TRUE.equals(params.bool("dryRun"));
        String duplicates = params.text("onDuplicate");
        String mappingText = params.text("mapping");
        String missingText = params.text("missingValues");
        params.validate();
        String csv;
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        if (contentType.startsWith("multipart/")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) throw CrmException.invalid("file", "attach the CSV as a part named file");
            try (var in = file.content()) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (ctx.formParam("mapping") != null) mappingText = ctx.formParam("mapping");
            if (ctx.formParam("missingValues") != null) missingText = ctx.formParam("missingValues");
            NulCharacters.reject("mapping", mappingText);
            NulCharacters.reject("missingValues", missingText);
        } else {
            csv = ctx.body();
        }
        ctx.json(importer.run(CurrentActor.of(ctx), csv, mapping(mappingText), missingValues(missingText), dryRun,
                onDuplicate(duplicates)));
    }

    void exportCsv(Context ctx) throws IOException {
        Actor actor = CurrentActor.of(ctx);
        ContactQuery query = ContactListParameters.read(new QueryParams(ctx));
        exporter.requireAllowed(actor);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"contacts.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            exporter.write(actor, query, out);
        }
    }

    private static Map<String, String> mapping(String text) {
        if (text == null || text.isBlank()) return Map.of();
        try {
            return Json.mapper().readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw CrmException.invalid("mapping", "must be a JSON object of column header to field");
        }
    }

    private static List<String> missingValues(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    private static ContactImport.OnDuplicate onDuplicate(String text) {
        if (text == null) return ContactImport.OnDuplicate.SKIP;
        return switch (text.toLowerCase()) {
            case "skip" -> ContactImport.OnDuplicate.SKIP;
            case "update" -> ContactImport.OnDuplicate.UPDATE;
            default -> throw CrmException.invalid("onDuplicate", "must be skip or update");
        };
    }
}
