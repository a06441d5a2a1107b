package io.intelligencecrm.web.page;

import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.web.auth.AccessTokens;
import io.intelligencecrm.web.auth.BrowserSessions;
import io.intelligencecrm.web.auth.RateLimits;
import io.intelligencecrm.web.page.chat.ChatHistory;
import io.intelligencecrm.web.page.chat.ChatPage;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.function.Consumer;

/** The browser app: every page, its static files and its headers, built from the same services as the API. */
public final class WebPages {
    private final List<Consumer<io.javalin.config.RoutesConfig>> routes;
    private final PageErrors errors;

    private WebPages(List<Consumer<io.javalin.config.RoutesConfig>> routes, PageErrors errors) {
        this.routes = routes;
        this.errors = errors;
    }

    public static WebPages create(Settings settings, CoreServices core, AgentServices agent, BrowserSessions sessions,
                                  AccessTokens tokens, RateLimits limits) {
        Templates templates = new Templates();
        PageGate gate = new PageGate(sessions, core.users(), templates,
                settings.agent().provider() == AgentSettings.Provider.OFFLINE);
        AuthPages auth = new AuthPages(core.authentication(), sessions, tokens, limits, templates, gate,
                settings.demoData() ? DemoData.SLUG : "");
        ChatPage chat = new ChatPage(gate, templates, agent.conversations(), core.contacts(),
                new ChatHistory(agent.proposals()));
        return new WebPages(List.of(auth::routes, chat::routes), new PageErrors(sessions, gate, templates));
    }

    public void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
        });
        config.routes.before(new SecurityHeaders());
        routes.forEach(route -> route.accept(config.routes));
    }

    public PageErrors errors() {
        return errors;
    }
}
