package io.intelligencecrm.core.secret;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        int[] counts = new int[2];
        List<String> unreadable = new ArrayList<>();
        for (TenantId tenant : tenants) {
            transactions.useTenant(tenant, handle -> {
                for (Map.Entry<String, List<String>> table : SealedColumns.BY_TABLE.entrySet()) {
                    for (String column : table.getValue()) {
                        // Table and column names come from the constant list above, never from input. The rows are
                        // locked, so each one's ctid names it until the update below.
                        Map<String, String> sealedByRow = new LinkedHashMap<>();
                        handle.createQuery("select ctid::text as row_id, " + column + " as sealed from " + table.getKey()
                                        + " where tenant_id = crm_current_tenant() and " + column + " is not null for update")
                                .map((rs, ctx) -> Map.entry(rs.getString("row_id"), rs.getString("sealed")))
                                .forEach(row -> sealedByRow.put(row.getKey(), row.getValue()));
                        for (Map.Entry<String, String> row : sealedByRow.entrySet()) {
                            String sealed = row.getValue();
                            if (!box.needsReseal(sealed)) {
                                counts[1]++;
                                continue;
                            }
                            String plain;
                            try {
                                plain = box.open(sealed);
                            } catch (IllegalArgumentException e) {
                                unreadable.add(table.getKey() + "." + column + " of tenant " + tenant.value());
                                continue;
                            }
                            handle.createUpdate("update " + table.getKey() + " set " + column + " = :sealed"
                                            + " where ctid = cast(:row as tid)")
                                    .bind("sealed", box.seal(plain)).bind("row", row.getKey()).execute();
                            counts[0]++;
                        }
                    }
                }
            });
        }
        return new Result(counts[0], counts[1], unreadable);
    }
}
