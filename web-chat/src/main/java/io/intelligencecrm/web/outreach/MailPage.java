package io.intelligencecrm.web.outreach;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.mail.CapturedMail;
import io.intelligencecrm.outreach.mail.CapturedMails;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mail: the development capture (what the app "sent" while no mail server is configured) with one
 * mail readable, the suppression list, and for admins the tenant's mail server settings (those two
 * through the API from the page's script).
 */
public final class MailPage {
    private static final int SHOWN = 50;

    private final PageGate gate;
    private final Templates templates;
    private final CapturedMails captured;

    public MailPage(PageGate gate, Templates templates, CapturedMails captured) {
        this.gate = gate;
        this.templates = templates;
        this.captured = captured;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/mail", gate.signedIn(this::show));
    }

    private void show(Context ctx, Signed signed) {
        String to = blankToNull(ctx.queryParam("to"));
        List<CapturedMail> mails = captured.recent(signed.actor(), SHOWN, to);
        MailView open = null;
        String id = ctx.queryParam("id");
        if (id != null) {
            long mailId;
            try {
                mailId = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw CrmException.notFound("Mail");
            }
            open = MailView.of(captured.find(signed.actor(), mailId).orElseThrow(() -> CrmException.notFound("Mail")));
        }
        Role role = signed.actor().role();
        Map<String, Object> model = new HashMap<>();
        String subject = open == null ? null : open.mail().subject();
        model.put("shell", gate.shell(ctx, signed, subject == null || subject.isBlank() ? "Mail" : subject, "mail"));
        model.put("mails", mails);
        model.put("to", to == null ? "" : to);
        model.put("toQuery", to == null ? "" : "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        model.put("open", open);
        model.put("manager", role.atLeast(Role.MANAGER));
        templates.page(ctx, "mail.jte", model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
