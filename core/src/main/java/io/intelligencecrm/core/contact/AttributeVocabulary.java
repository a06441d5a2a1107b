package io.intelligencecrm.core.contact;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * How a tenant speaks about its custom attributes: the column label each was imported under, and
 * the values that mean "missing" in its data ("Select", "N/A", "-"). All calls run in the caller's
 * tenant transaction.
 */
public final class AttributeVocabulary {
    public static final int MAX_TOKENS = 50;

    private AttributeVocabulary() {
    }

    /** Attribute name to its original column label, for the attributes that have one. */
    public static Map<String, String> labels(Handle handle) {
        Map<String, String> labels = new TreeMap<>();
        handle.createQuery("select name, label from contact_attribute_labels")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("label")))
                .forEach(entry -> labels.put(entry.getKey(), entry.getValue()));
        return labels;
    }

    /** Remembers the column labels of attributes, the latest import's label winning. */
    public static void saveLabels(Handle handle, Map<String, String> labels) {
        if (labels.isEmpty()) return;
        handle.createUpdate("""
                        insert into contact_attribute_labels (tenant_id, name, label)
                        select crm_current_tenant(), name, label from unnest(:names, :labels) as l(name, label)
                        on conflict (tenant_id, name) do update set label = excluded.label""")
                .bind("names", labels.keySet().toArray(String[]::new))
                .bind("labels", labels.values().stream().map(label -> label.length() > 200 ? label.substring(0, 200) : label)
                        .toArray(String[]::new))
                .execute();
    }

    /** The tenant's declared missing-value tokens, lower case. */
    public static Set<String> missingTokens(Handle handle) {
        return new LinkedHashSet<>(handle.createQuery("select token from missing_value_tokens order by token")
                .mapTo(String.class).list());
    }

    public static void replaceMissingTokens(Handle handle, Collection<String> tokens) {
        handle.createUpdate("delete from missing_value_tokens").execute();
        List<String> normalised = normalise(tokens);
        if (normalised.isEmpty()) return;
        handle.createUpdate("""
                        insert into missing_value_tokens (tenant_id, token)
                        select crm_current_tenant(), token from unnest(:tokens) as t(token)""")
                .bind("tokens", normalised.toArray(String[]::new)).execute();
    }

    /** Trimmed, lower case, without blanks (an empty cell is always missing) or repeats. */
    public static List<String> normalise(Collection<String> tokens) {
        Set<String> kept = new LinkedHashSet<>();
        for (String token : tokens) {
            if (token == null || token.isBlank()) continue;
            kept.add(token.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(kept);
    }
}
