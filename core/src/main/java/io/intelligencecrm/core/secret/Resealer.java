package io.intelligencecrm.core.secret;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
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
                        // Table and column names come from the constant list above, never from input.
                        String sealed = handle.createQuery("select " + column + " from " + table.getKey()
                                        + " where tenant_id = crm_current_tenant()")
                                .mapTo(String.class).findOne().orElse(null);
                        if (sealed == null) continue;
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
                                        + " where tenant_id = crm_current_tenant()")
                                .bind("sealed", box.seal(plain)).execute();
                        counts[0]++;
                    }
                }
            });
        }
        return new Result(counts[0], counts[1], unreadable);
    }
}
