package io.intelligencecrm.core.secret;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Seals every stored secret again with the active key: values of a retired key or of the format
 * before per-purpose keys. One transaction per tenant; a value that no accepted key opens is left as
 * it is and reported (its tenant must enter that credential again).
 */
public final class Resealer {
    private final TenantTransactions transactions;
    private final SecretBox box;

    /** @param unreadable "table.column of tenant ..." for each value no accepted key opened */
    public record Result(int resealed, int current, List<String> unreadable) {
    }

    public Resealer(TenantTransactions transactions, SecretBox box) {
        this.transactions = transactions;
        this.box = box;
    }

    public Result resealAll(List<TenantId> tenants) {
        Tally tally = new Tally();
        for (TenantId tenant : tenants) {
            transactions.useTenant(tenant, handle -> {
                for (Map.Entry<String, List<String>> table : SealedColumns.BY_TABLE.entrySet()) {
                    for (String column : table.getValue()) {
                        reseal(handle, tenant, table.getKey(), column, tally);
                    }
                }
            });
        }
        return new Result(tally.resealed, tally.current, tally.unreadable);
    }

    private static final class Tally {
        int resealed;
        int current;
        final List<String> unreadable = new ArrayList<>();
    }

    /** Table and column names come from {@link SealedColumns}, never from input. */
    private void reseal(Handle handle, TenantId tenant, String table, String column, Tally tally) {
        // Rows are locked and found again by their ctid, which stays put until this transaction updates them.
        List<Map<String, Object>> rows = handle.createQuery("select ctid::text as row, " + column + " as sealed from "
                        + table + " where tenant_id = crm_current_tenant() and " + column + " is not null for update")
                .mapToMap().list();
        for (Map<String, Object> row : rows) {
            String sealed = (String) row.get("sealed");
            if (!box.needsReseal(sealed)) {
                tally.current++;
                continue;
            }
            String plain;
            try {
                plain = box.open(sealed);
            } catch (IllegalArgumentException e) {
                tally.unreadable.add(table + "." + column + " of tenant " + tenant.value());
                continue;
            }
            handle.createUpdate("update " + table + " set " + column + " = :sealed where ctid = :row::tid")
                    .bind("sealed", box.seal(plain)).bind("row", row.get("row")).execute();
            tally.resealed++;
        }
    }
}
