package io.intelligencecrm.outreach;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.OutreachSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.mail.CapturedMails;
import io.intelligencecrm.outreach.mail.EmailDelivery;
import io.intelligencecrm.outreach.mail.EmailQueue;
import io.intelligencecrm.outreach.mail.MailComposer;
import io.intelligencecrm.outreach.mail.MailSettingsService;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.outreach.unsubscribe.UnsubscribeService;
import io.intelligencecrm.outreach.unsubscribe.UnsubscribeTokens;
import java.time.Clock;

/** Outreach's objects, built once by the composition root on top of the core services. */
public record OutreachServices(MailSettingsService mailSettings, SuppressionList suppressions,
                               UnsubscribeService unsubscribe, Deliveries deliveries, EmailDelivery emailDelivery,
                               EmailQueue emailQueue, CapturedMails capturedMails) {

    /** @param secretKey the 32-byte key sealing stored credentials and signing unsubscribe links */
    public static OutreachServices create(Database database, OutreachSettings settings, String publicUrl,
                                          byte[] secretKey, Clock clock, CoreServices core) {
        var transactions = database.tenants();
        SuppressionList suppressions = new SuppressionList(transactions, core.audit());
        UnsubscribeService unsubscribe = new UnsubscribeService(new UnsubscribeTokens(secretKey), suppressions,
                publicUrl);
        MailSettingsService mailSettings = new MailSettingsService(transactions, core.audit(),
                new SecretBox(secretKey), settings);
        Deliveries deliveries = new Deliveries(transactions, clock);
        EmailDelivery emailDelivery = new EmailDelivery(mailSettings, new MailComposer(unsubscribe), suppressions,
                deliveries);
        EmailQueue emailQueue = new EmailQueue(transactions, core.outbox(), core.contacts(), core.interactions(),
                core.users());
        return new OutreachServices(mailSettings, suppressions, unsubscribe, deliveries, emailDelivery, emailQueue,
                new CapturedMails(transactions));
    }
}
