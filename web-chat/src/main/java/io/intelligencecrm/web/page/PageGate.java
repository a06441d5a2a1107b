package io.intelligencecrm.web.page;

import io.intelligencecrm.core.notification.InboxCount;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.web.auth.BrowserSessions;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.http.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The door to every page: a signed-in browser goes in, anyone else is sent to the login page and
 * brought back afterwards. Unsafe requests (form posts) must carry the CSRF token. Admin pages
 * answer a friendly 403 to other roles.
 */
public final class PageGate {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final BrowserSessions sessions;
    private final UserService users;
    private final Templates templates;
    private final boolean offline;
    private final InboxCount inbox;

    /** A page's work once the caller is known. */
    @FunctionalInterface
    public interface PageHandler {
        void handle(Context ctx, Signed signed) throws Exception;
    }

    public PageGate(BrowserSessions sessions, UserService users, Templates templates, boolean offline, InboxCount inbox) {
        this.sessions = sessions;
        this.users = users;
        this.templates = templates;
        this.offline = offline;
        this.inbox = inbox;
    }

    public Handler signedIn(PageHandler page) {
        return ctx -> {
            var signed = sessions.find(ctx);
            if (signed.isEmpty()) {
                String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                return;
            }
            RequestContext.identify(signed.get().actor());
            if (!SAFE_METHODS.contains(ctx.method().name())) sessions.requireCsrf(ctx, signed.get());
            page.handle(ctx, signed.get());
        };
    }

    /** Managers and admins only; others get a page saying whom to ask. */
    public Handler manager(PageHandler page) {
        return only(Set.of(Role.ADMIN, Role.MANAGER), "Only managers can open this page",
                "Your scores are on each contact; a manager of your workspace looks after the model.", page);
    }

    public Handler admin(PageHandler page) {
        return only(Set.of(Role.ADMIN), "Only admins can open this page",
                "Ask an admin of your workspace if you need to manage users or API keys.", page);
    }

    private Handler only(Set<Role> roles, String title, String detail, PageHandler page) {
        return signedIn((ctx, signed) -> {
            if (!roles.contains(signed.actor().role())) {
                ctx.status(403);
                templates.page(ctx, "error.jte", Map.of("shell", shell(ctx, signed, "Not allowed", ""), "status", 403,
                        "title", title, "detail", detail));
                return;
            }
            page.handle(ctx, signed);
        });
    }

    public Shell shell(Context ctx, Signed signed, String title, String active) {
        var me = users.me(signed.actor());
        String name = me.fullName() == null || me.fullName().isBlank() ? me.email() : me.fullName();
        return new Shell(title, active, name, me.role().stored(), me.role() == Role.ADMIN, signed.csrfToken(), offline,
                inbox.waiting(signed.actor()), Formats.of(ctx.header("Accept-Language"), me.timezone()));
    }

    /** Formats for a fragment served without the layout (the dashboard's live panels). */
    public Formats formats(Context ctx, Signed signed) {
        return Formats.of(ctx.header("Accept-Language"), users.me(signed.actor()).timezone());
    }
}
