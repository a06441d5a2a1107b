package io.intelligencecrm.bots.slack;

import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.bots.BackgroundTurns;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.SlackSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.user.UserRepository;
import java.time.Clock;
import java.util.concurrent.Executor;

/** The Slack bot's objects, built once by the composition root. */
public record SlackServices(SlackEvents events, SlackInteractions interactions, SlackCommands commands,
                            SlackIntegration integration, SlackNotifier notifier) {

    /**
     * @param executor where agent turns run after Slack's request was acknowledged
     * @param maxTurns how many of them run at once (keep it below the database pool size)
     */
    public static SlackServices create(Database database, SlackSettings settings, SecretBox box, Clock clock,
                                       CoreServices core, AgentServices agent, Executor executor, int maxTurns) {
        var transactions = database.tenants();
        BackgroundTurns background = new BackgroundTurns(executor, maxTurns);
        SlackApi api = new SlackApi(settings.apiUrl());
        SlackWorkspaces workspaces = new SlackWorkspaces(database.jdbi(), transactions, box);
        SlackUserLinks links = new SlackUserLinks(transactions);
        UserRepository users = new UserRepository(transactions);
        SlackGate gate = new SlackGate(workspaces, new SlackReplays(transactions), clock);
        SlackLinkCodes codes = new SlackLinkCodes(transactions, clock);
        SlackTurns turns = new SlackTurns(agent.chat(), agent.conversations(), new SlackIdentities(links, users, api),
                codes, api);
        return new SlackServices(
                new SlackEvents(gate, new SlackEventLog(transactions), turns, api, background),
                new SlackInteractions(gate, turns, agent.chat(), api, background),
                new SlackCommands(gate, turns, api, background),
                new SlackIntegration(workspaces, links, users, codes, api, core.audit()),
                new SlackNotifier(workspaces, links, api));
    }
}
