package io.intelligencecrm.web.testing;

import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;

/** Signed-in clients for the demo tenant's admin, manager and rep. */
public final class DemoLogins {
    private DemoLogins() {
    }

    public static ApiClient as(CrmApplication application, Role role) {
        DemoData.DemoLogin login = DemoData.LOGINS.stream().filter(l -> l.role() == role).findFirst().orElseThrow();
        return ApiClient.login(application.url(), DemoData.SLUG, login.email(), login.password());
    }
}
