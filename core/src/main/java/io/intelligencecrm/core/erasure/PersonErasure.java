package io.intelligencecrm.core.erasure;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.Update;

/**
 * Removes every copy of a person's data that the CRM made, inside the erasing transaction: sends to
 * them are cancelled, their conversations, proposals, audit entries, queued and delivered mail, bot
 * mail, tasks and every other text or JSON column of every tenant table lose their email, phone and
 * name (replaced by "[erased]"), vectors that mention them are dropped, and their addresses stay on
 * the suppression list only as hashes. The contacts themselves are deleted by the caller afterwards.
 */
public final class PersonErasure {
    static final String REPLACEMENT = "[erased]";
    /** Tables with their own treatment: append-only (a definer function), vectors (dropped), suppressions (hashed). */
    private static final Set<String> HANDLED_APART = Set.of("audit_log", "embeddings", "suppressions");

    /** What an erasure did, for its audit entry and for re-embedding the records that lost text. */
    public record Outcome(int cancelledSends, int cancelledRuns, int withdrawnProposals, int rewrittenRows,
                          List<Source> reembed) {
    }

    /** A record whose vectors were dropped because they mentioned the person. */
    public record Source(String type, UUID id) {
    }

    private PersonErasure() {
    }

    /**
     * @param people the contact and every duplicate merged into it: one person
     */
    public static Outcome erase(Handle handle, TenantId tenant, List<UUID> people) {
        UUID[] ids = people.toArray(UUID[]::new);
        ErasurePatterns patterns = handle.createQuery(
                        "select identifying, personal, linking from crm_erasure_patterns(:people)")
                .bind("people", ids).mapTo(ErasurePatterns.class).findOne().orElse(null);
        if (patterns == null) return new Outcome(0, 0, 0, 0, List.of());
        UUID[] conversations = conversationsAbout(handle, patterns);
        int sends = update(handle, patterns, """
                update outbox set status = 'cancelled', last_error = 'the recipient was erased', processed_at = now()
                 where tenant_id = crm_current_tenant() and status in ('pending', 'processing')
                   and payload::text ~* :linking""");
        int runs = update(handle, patterns, """
                update workflow_runs set status = 'cancelled', next_step = null, finished_at = now(),
                       error = 'the person it was about was erased'
                 where tenant_id = crm_current_tenant() and status in ('running', 'waiting')
                   and (trigger_event::text || ' ' || context::text) ~* :linking""");
        int proposals = update(handle, patterns, """
                update proposals set status = 'rejected', decided_at = now(),
                       outcome = '{"reason": "the person it was about was erased"}'
                 where tenant_id = crm_current_tenant() and status = 'pending'
                   and (arguments::text || ' ' || summary) ~* :linking""");
        update(handle, patterns, "delete from captured_mails where tenant_id = crm_current_tenant() and recipients ~* :linking");
        List<Source> reembed = dropVectors(handle, patterns, people);

        int rewritten = handle.createQuery("select crm_erase_person_from_audit(:people, :conversations)")
                .bind("people", ids).bind("conversations", conversations).mapTo(Integer.class).one();
        for (PersonalDataColumns.Table table : PersonalDataColumns.read(handle)) {
            if (HANDLED_APART.contains(table.name())) continue;
            rewritten += rewrite(handle, table, patterns, ids, conversations);
        }
        keepOnlyHashes(handle, tenant, ids);
        return new Outcome(sends, runs, proposals, rewritten, reembed);
    }

    /** Conversations that mention the person anywhere: everything in them is about the person too. */
    private static UUID[] conversationsAbout(Handle handle, ErasurePatterns patterns) {
        return handle.createQuery("""
                        select id from conversations where tenant_id = crm_current_tenant() and title ~* :linking
                        union select conversation_id from messages
                         where tenant_id = crm_current_tenant() and content::text ~* :linking
                        union select conversation_id from proposals
                         where tenant_id = crm_current_tenant() and conversation_id is not null
                           and (arguments::text || ' ' || summary) ~* :linking
                        union select conversation_id from audit_log
                         where tenant_id = crm_current_tenant() and conversation_id is not null and diff::text ~* :linking""")
                .bind("linking", patterns.linking()).mapTo(UUID.class).list().toArray(UUID[]::new);
    }

    private static int update(Handle handle, ErasurePatterns patterns, String sql) {
        return handle.createUpdate(sql).bind("linking", patterns.linking()).execute();
    }

    /** Vectors of the person, and of any record whose text mentions them (embedded again once rewritten). */
    private static List<Source> dropVectors(Handle handle, ErasurePatterns patterns, List<UUID> people) {
        return handle.createQuery("""
                        delete from embeddings where tenant_id = crm_current_tenant()
                           and (contact_id = any(:people) or text ~* :linking)
                        returning source_type, source_id""")
                .bind("people", people.toArray(UUID[]::new)).bind("linking", patterns.linking())
                .map((rs, ctx) -> new Source(rs.getString("source_type"), rs.getObject("source_id", UUID.class)))
                .list().stream().distinct()
                .filter(source -> !source.type().equals("document") && !people.contains(source.id())).toList();
    }

    /** Their own suppression entries give way to hashed ones, which also stop any later send or import. */
    private static void keepOnlyHashes(Handle handle, TenantId tenant, UUID[] people) {
        List<String> addresses = handle.createQuery("""
                        select email from contacts where tenant_id = crm_current_tenant() and id = any(:people)
                           and email is not null
                        union select phone from contacts where tenant_id = crm_current_tenant() and id = any(:people)
                           and phone is not null""")
                .bind("people", people).mapTo(String.class).list();
        handle.createUpdate("delete from suppressions where tenant_id = crm_current_tenant() and address = any(:addresses)")
                .bind("addresses", addresses.stream().map(address -> address.strip().toLowerCase(Locale.ROOT))
                        .toArray(String[]::new))
                .execute();
        addresses.forEach(address -> ErasedAddresses.remember(handle, tenant, address));
    }

    /**
     * Rows about the person (naming them by id or an identifying value, in their conversations, or tied to
     * one of their contacts) lose every personal value; every other row loses the identifying ones.
     * Other contacts keep their own names even when they mention the person.
     */
    private static int rewrite(Handle handle, PersonalDataColumns.Table table, ErasurePatterns patterns, UUID[] people,
                               UUID[] conversations) {
        String text = table.columns().stream().map(column -> "coalesce(" + column.asText() + ", '')")
                .collect(Collectors.joining(" || ' ' || "));
        List<String> about = new ArrayList<>(List.of("(" + text + ") ~* :linking"));
        if (table.byConversation()) about.add("conversation_id = any(:conversations)");
        if (table.isConversation()) about.add("id = any(:conversations)");
        if (table.byContact()) about.add("contact_id = any(:people)");
        String scope = "tenant_id = crm_current_tenant()" + (table.name().equals("contacts") ? " and not id = any(:people)" : "");
        int changed = 0;
        if (!table.name().equals("contacts")) {
            changed += bind(handle.createUpdate("update " + PersonalDataColumns.quoted(table.name()) + " set "
                    + assignments(table, ":personal") + " where " + scope + " and (" + String.join(" or ", about) + ")"),
                    patterns, people, conversations).execute();
        }
        changed += bind(handle.createUpdate("update " + PersonalDataColumns.quoted(table.name()) + " set "
                + assignments(table, ":identifying") + " where " + scope + " and (" + text + ") ~* :identifying"),
                patterns, people, conversations).execute();
        return changed;
    }

    private static String assignments(PersonalDataColumns.Table table, String pattern) {
        return table.columns().stream().map(column -> PersonalDataColumns.quoted(column.name()) + " = "
                        + column.fromText("regexp_replace(" + column.asText() + ", " + pattern + ", '" + REPLACEMENT
                        + "', 'gi')"))
                .collect(Collectors.joining(", "));
    }

    /** Binds everything any of the statements may use; each uses only some. */
    private static Update bind(Update update, ErasurePatterns patterns, UUID[] people, UUID[] conversations) {
        return update.configure(SqlStatements.class, config -> config.setUnusedBindingAllowed(true))
                .bind("identifying", patterns.identifying()).bind("personal", patterns.personal())
                .bind("linking", patterns.linking()).bind("people", people).bind("conversations", conversations);
    }
}
