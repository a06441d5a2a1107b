package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.record.FieldReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The contact's input fields and their rules, shared by single writes and CSV import. */
public final class ContactFields {
    public static final Set<String> NAMES = Set.of("firstName", "lastName", "email", "phone", "title", "lifecycleStage",
            "source", "country", "companyId", "companyName", "ownerId", "custom");

    private ContactFields() {
    }

    /** API field values to column values ("companyName" stays as is: it names a company to find or create). */
    public static Map<String, Object> read(FieldReader reader, Violations violations) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (reader.has("firstName")) values.put("first_name", orEmpty(reader.text("firstName", 200)));
        if (reader.has("lastName")) values.put("last_name", orEmpty(reader.text("lastName", 200)));
        if (reader.has("email")) values.put("email", reader.email("email"));
        if (reader.has("phone")) values.put("phone", reader.phone("phone"));
        if (reader.has("title")) values.put("title", reader.text("title", 200));
        if (reader.has("lifecycleStage")) {
            LifecycleStage stage = reader.choice("lifecycleStage", LifecycleStage.class);
            if (stage == null && !violations.has("lifecycleStage")) violations.add("lifecycleStage", "cannot be empty");
            values.put("lifecycle_stage", stage == null ? null : stage.stored());
        }
        if (reader.has("source")) values.put("source", reader.text("source", 100));
        if (reader.has("country")) values.put("country", reader.text("country", 100));
        if (reader.has("companyId")) values.put("company_id", reader.id("companyId"));
        if (reader.has("companyName")) values.put("companyName", reader.text("companyName", 300));
        if (reader.has("ownerId")) values.put("owner_id", reader.id("ownerId"));
        if (reader.has("custom")) values.put("custom", reader.attributes("custom"));
        return values;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

}
