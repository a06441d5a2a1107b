package io.intelligencecrm.web.contact;

import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.web.CrmApplication;

/** The demo tenant's id, for tests that add rows other modules would write (scores). */
final class DemoTenant {
    private DemoTenant() {
    }

    static TenantId id(CrmApplication application) {
        return application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
    }
}
