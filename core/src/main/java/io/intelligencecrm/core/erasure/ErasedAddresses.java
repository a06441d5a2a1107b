package io.intelligencecrm.core.erasure;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.SecretHash;
import io.intelligencecrm.core.tenant.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The addresses of erased people, kept only as hashes on the suppression list (reason 'erased'): enough
 * to recognise the address when it comes back (an import, a send), never enough to read it. An email is
 * compared in lower case, a phone number by its digits.
 */
public final class ErasedAddresses {
    public static final String REASON = "erased";
    private static final String PREFIX = "erased:";

    private ErasedAddresses() {
    }

    /** The suppression-list key of an address, as stored for an erased person of this tenant. */
    public static String key(TenantId tenant, String address) {
        String normalised = address.contains("@") ? address.strip().toLowerCase(Locale.ROOT)
                : address.replaceAll("[^0-9]", "");
        return PREFIX + SecretHash.of(tenant.value() + ":" + normalised);
    }

    static void remember(Handle handle, TenantId tenant, String address) {
        if (address == null || address.isBlank() || (!address.contains("@") && address.replaceAll("[^0-9]", "").isEmpty())) {
            return;
        }
        handle.createUpdate("""
                        insert into suppressions (tenant_id, address, channel, reason, detail)
                        values (crm_current_tenant(), :key, :channel, 'erased', 'erased at the person''s request')
                        on conflict (tenant_id, address) do nothing""")
                .bind("key", key(tenant, address)).bind("channel", address.contains("@") ? "email" : "sms").execute();
    }

    /** Which of these addresses belong to erased people of the tenant (as given). */
    public static Set<String> erased(Handle handle, TenantId tenant, Collection<String> addresses) {
        Map<String, String> byKey = new HashMap<>();
        addresses.forEach(address -> byKey.put(key(tenant, address), address));
        if (byKey.isEmpty()) return Set.of();
        return handle.createQuery("""
                        select address from suppressions where tenant_id = crm_current_tenant() and address = any(:keys)""")
                .bind("keys", byKey.keySet().toArray(String[]::new)).mapTo(String.class).stream()
                .map(byKey::get).collect(Collectors.toSet());
    }

    /** Refuses to store an erased person's email again: they asked to be forgotten and not contacted. */
    public static void refuse(Handle handle, TenantId tenant, String field, String email) {
        if (!erased(handle, tenant, List.of(email)).isEmpty()) {
            throw new CrmException(ErrorCode.CONFLICT, "This address belongs to a person"
                    + " who was erased at their request; an admin can lift that on the suppression list",
                    Map.of(field, "belongs to an erased person"));
        }
    }
}
