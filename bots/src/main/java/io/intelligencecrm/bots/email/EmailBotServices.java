package io.intelligencecrm.bots.email;

import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.bots.BackgroundTurns;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.outreach.mail.MailboxChecks;
import io.intelligencecrm.outreach.mail.MailboxStore;
import java.time.Duration;
import java.util.concurrent.Executor;

/** The email bot's objects, built once by the composition root; {@code watchers} are started by it. */
public record EmailBotServices(EmailBotSettingsService settings, PersonalAddresses addresses, InboundWebhook webhook,
                               MailboxWatchers watchers) {

    /**
     * @param executor     where posted mail is handled after the webhook answered
     * @param maxTurns     how many of those run at once (keep it below the database pool size)
     * @param pollInterval how often bot mailboxes are read, and new ones noticed
     */
    public static EmailBotServices create(Database database, SecretBox box, CoreServices core, AgentServices agent,
                                          Executor executor, int maxTurns, Duration pollInterval) {
        var transactions = database.tenants();
        MailboxChecks checks = new MailboxChecks(transactions);
        EmailBotSettingsService settings = new EmailBotSettingsService(database.jdbi(), transactions, box,
                new MailboxStore(box), core.audit(), checks);
        PersonalAddresses addresses = new PersonalAddresses(transactions, settings);
        EmailBot bot = new EmailBot(new InboundLog(transactions), new UserRepository(transactions), addresses,
                new EmailCommands(agent.chat(), agent.conversations(), core.outbox()),
                new EmailAsData(transactions, core.contacts(), core.interactions()));
        return new EmailBotServices(settings, addresses,
                new InboundWebhook(settings, bot, new BackgroundTurns(executor, maxTurns)),
                new MailboxWatchers(core.directory(), settings, bot, pollInterval, checks));
    }
}
