package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.logging.LogContext;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.mail.ImapInbox;
import io.intelligencecrm.outreach.mail.MailboxAccount;
import io.intelligencecrm.outreach.mail.MailboxChecks;
import io.intelligencecrm.outreach.mail.MailboxStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each tenant's bot mailbox every {@code pollInterval}: one virtual thread per mailbox, so a
 * slow or unreachable server delays only its own tenant. As often, the set of mailboxes is compared
 * with the settings, so a new or removed bot is picked up. Every node may run this: each message is
 * claimed by Message-ID, so two nodes never act on one mail twice. How each read went is recorded
 * ({@link MailboxChecks}), so an unreachable mailbox shows in the email bot's settings.
 */
public final class MailboxWatchers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailboxWatchers.class);
    private final TenantDirectory directory;
    private final EmailBotSettingsService settings;
    private final EmailBot bot;
    private final Duration pollInterval;
    private final ImapInbox inbox = new ImapInbox();
    private final Map<TenantId, Thread> watchers = new ConcurrentHashMap<>();
    /** Mailboxes whose last read failed (the server unreachable, the login refused). */
    private final Set<TenantId> failing = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread supervisor;

    private final MailboxChecks checks;

    MailboxWatchers(TenantDirectory directory, EmailBotSettingsService settings, EmailBot bot, Duration pollInterval,
                    MailboxChecks checks) {
        this.checks = checks;
        this.directory = directory;
        this.settings = settings;
        this.bot = bot;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        supervisor = Thread.ofVirtual().name("email-bot-supervisor").start(() -> {
            while (running) {
                reconcile();
                if (!pause(pollInterval)) return;
            }
        });
    }

    private void reconcile() {
        try {
            for (TenantId tenant : directory.allTenantIds()) {
                boolean wanted = settings.config(tenant).flatMap(EmailBotConfig::mailbox).isPresent();
                if (wanted) {
                    watchers.computeIfAbsent(tenant, t -> Thread.ofVirtual().name("email-bot-" + t.value())
                            .start(() -> watch(t)));
                }
            }
            watchers.entrySet().removeIf(entry -> !entry.getValue().isAlive());
        } catch (RuntimeException e) {
            log.warn("Could not list the email bot mailboxes: {}", e.getMessage());
        }
    }

    /** Mailboxes this node reads. */
    public int watching() {
        return watchers.size();
    }

    /** Mailboxes this node reads whose last read failed. */
    public int failing() {
        return failing.size();
    }

    /** Until the tenant's mailbox is removed or the node stops. */
    private void watch(TenantId tenant) {
        try (var context = LogContext.job("email-bot-mailbox", tenant)) {
            watchUntilStopped(tenant);
        } finally {
            failing.remove(tenant);
        }
    }

    private void watchUntilStopped(TenantId tenant) {
        while (running) {
            Optional<EmailBotConfig> config;
            try {
                config = settings.config(tenant).filter(c -> c.mailbox().isPresent());
            } catch (RuntimeException e) {
                log.warn("Could not read the email bot settings of tenant {}: {}", tenant, e.getMessage());
                if (!pause(pollInterval)) return;
                continue;
            }
            if (config.isEmpty()) break;
            MailboxAccount mailbox = config.get().mailbox().get();
            try {
                inbox.readUnseen(mailbox, message -> read(tenant, message));
                failing.remove(tenant);
                CrmMetrics.mailboxPoll(true);
                note(tenant, null);
            } catch (MessagingException | RuntimeException e) {
                if (!running) return;
                failing.add(tenant);
                CrmMetrics.mailboxPoll(false);
                log.warn("Reading the bot mailbox {} of tenant {} failed: {}", mailbox, tenant, e.getMessage());
                note(tenant, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            if (!pause(pollInterval)) return;
        }
        watchers.remove(tenant);
    }

    private void note(TenantId tenant, String error) {
        try {
            checks.record(tenant, MailboxStore.Use.EMAIL_BOT, error);
        } catch (RuntimeException e) {
            log.warn("Could not record how the bot mailbox of tenant {} was read: {}", tenant, e.getMessage());
        }
    }

    /** Each mail is handled under the settings of the moment (a change applies to the next mail). */
    private boolean read(TenantId tenant, MimeMessage message) {
        try {
            InboundEmail email = MimeInbound.read(message);
            settings.config(tenant).ifPresent(config -> bot.receive(config, email));
        } catch (MessagingException | IOException | RuntimeException e) {
            // Claimed mail that failed is recorded as failed; either way it is not read again.
            log.warn("A mail in the bot mailbox of tenant {} could not be handled: {}", tenant, e.toString());
        }
        return true;
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (supervisor != null) supervisor.interrupt();
        // Interrupting a virtual thread blocked on a socket closes the socket and ends the wait.
        watchers.values().forEach(Thread::interrupt);
        for (Thread watcher : watchers.values()) {
            try {
                watcher.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
