package io.intelligencecrm.core.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The lifecycle stages contacts went through. A trigger records every change as it happens; this
 * rewrites the history of contacts whose past is made up (the demo seeder, data generators), in the
 * caller's tenant transaction.
 */
public final class StageHistory {
    private StageHistory() {
    }

    /** One stage a contact entered, and when. */
    public record Entry(UUID contactId, LifecycleStage stage, Instant enteredAt) {
    }

    /** Replaces the whole history of every contact named in {@code entries} with those entries. */
    public static void replace(Handle handle, Collection<Entry> entries) {
        if (entries.isEmpty()) return;
        List<Entry> rows = List.copyOf(entries);
        handle.createUpdate("delete from contact_stage_history where contact_id = any(:ids)")
                .bind("ids", rows.stream().map(Entry::contactId).distinct().toArray(UUID[]::new)).execute();
        handle.createUpdate("""
                        insert into contact_stage_history (tenant_id, contact_id, stage, entered_at)
                        select crm_current_tenant(), contact, stage, cast(entered as timestamptz)
                          from unnest(:contacts, :stages, :entered) as entry(contact, stage, entered)""")
                .bind("contacts", rows.stream().map(Entry::contactId).toArray(UUID[]::new))
                .bind("stages", rows.stream().map(entry -> entry.stage().stored()).toArray(String[]::new))
                .bind("entered", rows.stream().map(entry -> entry.enteredAt().toString()).toArray(String[]::new))
                .execute();
    }
}
