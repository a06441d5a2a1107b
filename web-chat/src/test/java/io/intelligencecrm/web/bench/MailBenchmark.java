package io.intelligencecrm.web.bench;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.mail.OutboundEmail;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.TestServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.LoggerFactory;

/**
 * ./crm bench mail — queues 10,000 outreach emails in the outbox of the demo tenant (each to its own
 * address, with unsubscribe headers), then lets two dispatchers (as two app nodes would) deliver them
 * to a local SMTP server (GreenMail) through the product's own delivery handler. Reports mails per
 * second and checks that every address received exactly one mail: none duplicated, none lost.
 */
public final class MailBenchmark {
    private static final int MAILS = 10_000;
    private static final int DISPATCHERS = 2;

    private MailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // GreenMail logs a line per new recipient; 10,000 of them would be measured too.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(Level.WARN);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        CrmApplication application = TestServer.start(Map.of("CRM_SMTP_HOST", "127.0.0.1",
                "CRM_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()), "CRM_SMTP_SECURITY", "none",
                "CRM_MAIL_DAILY_CAP", "1000000", "CRM_SCHEDULER_ENABLED", "false", "CRM_DATABASE_POOL_SIZE", "8"));
        try {
            TenantId tenant = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow()
                    .tenantId();
            Map<String, Map<String, Object>> queued = new LinkedHashMap<>();
            for (int i = 0; i < MAILS; i++) {
                queued.put("bench:" + i, new OutboundEmail("reader" + i + "@bench.example", "Our spring update #" + i,
                        "Hello reader " + i + ",\n\nhere is what is new this spring.", UUID.randomUUID().toString(),
                        null).toPayload());
            }
            long queueStart = System.nanoTime();
            application.services().outbox().enqueueAll(tenant, OutboundEmail.KIND, queued, false);
            System.out.printf("Queued %,d emails in the outbox in %.1f s%n", MAILS, (System.nanoTime() - queueStart) / 1e9);

            ExecutorService nodes = Executors.newFixedThreadPool(DISPATCHERS);
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < DISPATCHERS; n++) {
                OutboxDispatcher dispatcher = new OutboxDispatcher(application.database(),
                        application.outreach().deliveryHandlers(), Duration.ofSeconds(1), 5);
                results.add(nodes.submit(dispatcher::drain));
            }
            int handled = 0;
            for (Future<Integer> result : results) handled += result.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            nodes.shutdown();

            MimeMessage[] received = smtp.getReceivedMessages();
            Set<String> recipients = new HashSet<>();
            Set<String> messageIds = new HashSet<>();
            int withUnsubscribe = 0;
            for (MimeMessage mail : received) {
                recipients.add(((InternetAddress) mail.getAllRecipients()[0]).getAddress());
                messageIds.add(mail.getMessageID());
                if (mail.getHeader("List-Unsubscribe-Post") != null) withUnsubscribe++;
            }
            long sentRows = application.database().tenants().inTenant(tenant, handle -> handle.createQuery(
                    "select count(*) from deliveries where status = 'sent' and idempotency_key like 'bench:%'")
                    .mapTo(Long.class).one());
            int duplicates = received.length - recipients.size();
            int lost = MAILS - recipients.size();
            System.out.printf("Delivered %,d emails with %d dispatchers in %.1f s: %,.0f mails/second%n",
                    received.length, DISPATCHERS, seconds, received.length / seconds);
            System.out.printf("Outbox messages handled: %,d; deliveries recorded sent: %,d%n", handled, sentRows);
            System.out.printf("Distinct recipients: %,d; distinct Message-IDs: %,d; with one-click unsubscribe: %,d%n",
                    recipients.size(), messageIds.size(), withUnsubscribe);
            System.out.printf("Duplicated: %d, lost: %d -> %s%n", duplicates, lost,
                    duplicates == 0 && lost == 0 && sentRows == MAILS ? "OK" : "FAILED");
            if (duplicates != 0 || lost != 0 || sentRows != MAILS) System.exit(1);
        } finally {
            application.stop();
            smtp.stop();
        }
    }
}
