package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.outreach.OutreachServices;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A separate JVM that claims queued mail like a real node and then dies abruptly
 * ({@code Runtime.halt}, no shutdown hooks, no settling): either before handing anything to the
 * server ({@code before-send}) or after the server accepted the mail but before the outbox row was
 * settled ({@code after-send}).
 */
public final class CrashingDispatcher {
    public static void main(String[] args) {
        DatabaseCoordinates coordinates = new DatabaseCoordinates(args[0], args[1], args[2], args[3], args[4]);
        String smtpPort = args[5];
        byte[] key = Base64.getDecoder().decode(args[6]);
        String mode = args[7];
        Database database = new Database(coordinates, 2);
        Settings settings = Settings.from(Map.of("CRM_SMTP_HOST", "127.0.0.1", "CRM_SMTP_PORT", smtpPort,
                "CRM_SMTP_SECURITY", "none", "CRM_MAIL_FROM", "sales@crm.example"));
        CoreServices core = CoreServices.create(database, settings, Clock.systemUTC(), List.of(), List.of(),
                InvitationSender.NONE, SessionRevocations.NONE);
        OutreachServices outreach = OutreachServices.create(database, settings.outreach(), "http://crm.test", KeyRing.of(key),
                Clock.systemUTC(), core);
        OutboxHandler delivery = outreach.emailDelivery();
        OutboxHandler dying = new OutboxHandler() {
            @Override
            public String kind() {
                return delivery.kind();
            }

            @Override
            public OutboxResult handle(List<OutboxMessage> batch) throws Exception {
                if (mode.equals("after-send")) delivery.handle(batch);
                Runtime.getRuntime().halt(137);
                throw new IllegalStateException("unreachable");
            }
        };
        new OutboxDispatcher(database, List.of(dying), Duration.ofSeconds(1), 5).runOnce();
        Runtime.getRuntime().halt(1);
    }
}
