package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one inbound mail is, once: a command from a CRM user whose mail passed the sender
 * check (the agent answers in the thread), or data (an inbound email on the matching contact, or a
 * new lead when configured). Mail claiming a user's address without passing the check is never a
 * command. Automatic mail (auto-replies, lists, reports) and the bot's own mail are ignored.
 */
public final class EmailBot {
    private static final Logger log = LoggerFactory.getLogger(EmailBot.class);

    private final InboundLog inbound;
    private final UserRepository users;
    private final PersonalAddresses addresses;
    private final EmailCommands commands;
    private final EmailAsData data;

    EmailBot(InboundLog inbound, UserRepository users, PersonalAddresses addresses, EmailCommands commands,
             EmailAsData data) {
        this.inbound = inbound;
        this.users = users;
        this.addresses = addresses;
        this.commands = commands;
        this.data = data;
    }

    /** @return false when the mail was handled before (nothing was done now) */
    boolean claim(EmailBotConfig bot, InboundEmail email) {
        if (email.from() == null || bot.isBotAddress(email.from())) return false;
        return inbound.claim(bot.tenant(), email);
    }

    /** Handles a claimed mail; a failure is recorded on its row and thrown. */
    void handle(EmailBotConfig bot, InboundEmail email) {
        try {
            Decision decision = decide(bot, email);
            inbound.settle(bot.tenant(), email.messageId(), decision.outcome(), decision.detail());
        } catch (RuntimeException e) {
            inbound.settle(bot.tenant(), email.messageId(), "failed", String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** Claims and handles a mail read from the mailbox. */
    void receive(EmailBotConfig bot, InboundEmail email) {
        if (claim(bot, email)) handle(bot, email);
    }

    private record Decision(String outcome, String detail) {
    }

    private Decision decide(EmailBotConfig bot, InboundEmail email) {
        if (email.autoSubmitted()) return new Decision("ignored", "automatic mail");
        Optional<User> user = users.findByEmail(bot.tenant(), email.from()).filter(User::active);
        if (user.isEmpty()) {
            return new Decision(data.record(bot.tenant(), email, bot.createLeads()), null);
        }
        if (!senderProven(bot, email, user.get())) {
            log.warn("Mail from {}'s address to the email bot of tenant {} failed the sender check: treated as data",
                    email.from(), bot.tenant());
            // A user's address is rarely a contact's; when it is, the mail is kept as what it is: data.
            return new Decision(data.record(bot.tenant(), email, false), "sender check failed");
        }
        Actor actor = Actor.user(bot.tenant(), user.get().id(), user.get().role());
        commands.answer(actor, email, bot.address());
        return new Decision("command", null);
    }

    /** The receiving server vouched for the From domain, or the mail went to the user's own secret address. */
    private boolean senderProven(EmailBotConfig bot, InboundEmail email, User user) {
        if (AuthenticationResults.vouchFor(email.authenticationResults(), bot.trustedAuthservId(), email.fromDomain())) {
            return true;
        }
        String tag = bot.tagAmong(email.to());
        return tag != null && addresses.userOfToken(bot.tenant(), tag).filter(user.id()::equals).isPresent();
    }
}
