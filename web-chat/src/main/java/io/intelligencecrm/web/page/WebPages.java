package io.intelligencecrm.web.page;

import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.mcp.ApprovalCodes;
import io.intelligencecrm.outreach.mail.CapturedMails;
import io.intelligencecrm.scoring.ScoringServices;
import io.intelligencecrm.web.auth.AccessTokens;
import io.intelligencecrm.web.auth.AuthPages;
import io.intelligencecrm.web.auth.BrowserSessions;
import io.intelligencecrm.web.auth.RateLimits;
import io.intelligencecrm.web.chat.ChatCards;
import io.intelligencecrm.web.chat.ChatHistory;
import io.intelligencecrm.web.chat.ChatPage;
import io.intelligencecrm.web.chat.ProposalPage;
import io.intelligencecrm.web.company.CompaniesPage;
import io.intelligencecrm.web.contact.ContactsPage;
import io.intelligencecrm.web.dashboard.DashboardPage;
import io.intelligencecrm.web.deal.DealBoardPage;
import io.intelligencecrm.web.outreach.MailPage;
import io.intelligencecrm.web.scoring.ScoringPage;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** The browser app: every page, its static files and its headers, built from the same services as the API. */
public final class WebPages {
    private final List<Consumer<io.javalin.config.RoutesConfig>> routes;
    private final PageErrors errors;
    private final Templates templates;
    private final ChatHistory chatViews;

    private WebPages(List<Consumer<io.javalin.config.RoutesConfig>> routes, PageErrors errors, Templates templates,
                     ChatHistory chatViews) {
        this.routes = routes;
        this.errors = errors;
        this.templates = templates;
        this.chatViews = chatViews;
    }

    public static WebPages create(Settings settings, Clock clock, CoreServices core, AgentServices agent,
                                  ScoringServices scoring, BrowserSessions sessions, AccessTokens tokens,
                                  RateLimits limits, CapturedMails capturedMails, ApprovalCodes approvalCodes) {
        Templates templates = new Templates();
        PageGate gate = new PageGate(sessions, core.users(), templates,
                settings.agent().provider() == AgentSettings.Provider.OFFLINE, core.inbox());
        AuthPages auth = new AuthPages(core.authentication(), sessions, tokens, limits, templates, gate, core.users(),
                settings.demoData() ? DemoData.SLUG : "");
        ChatHistory chatViews = new ChatHistory(agent.proposals(), new ChatCards(core.contacts(), core.deals(), core.users()));
        ChatPage chat = new ChatPage(gate, templates, agent.conversations(), core.contacts(), chatViews);
        ContactsPage contacts = new ContactsPage(gate, templates, core.contacts(), core.companies(), core.deals(),
                core.interactions(), core.users(), scoring.history());
        CompaniesPage companies = new CompaniesPage(gate, templates, core.companies(), core.contacts(), core.deals());
        DealBoardPage board = new DealBoardPage(gate, templates, core.deals(), core.users(), clock);
        DashboardPage dashboard = new DashboardPage(gate, templates, core.analytics(), core.dashboard(),
                clock);
        ScoringPage scoringPage = new ScoringPage(gate, templates, scoring.scoring());
        return new WebPages(List.of(auth::routes, scoringPage::routes, chat::routes, contacts::routes, companies::routes, board::routes,
                dashboard::routes, new ToolPages(gate, templates)::routes,
                new MailPage(gate, templates, capturedMails)::routes,
                new ProposalPage(gate, templates, agent.proposals(), approvalCodes, clock)::routes),
                new PageErrors(sessions, gate, templates), templates, chatViews);
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

    /** What chat events show as, for the chat socket's live frames. */
    public ChatHistory chatViews() {
        return chatViews;
    }

    public PageErrors errors() {
        return errors;
    }

    /** For pages served outside the signed-in app (the unsubscribe link). */
    public Templates templates() {
        return templates;
    }
}
