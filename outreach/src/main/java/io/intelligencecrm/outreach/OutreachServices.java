package io.intelligencecrm.outreach;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.OutreachSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.outreach.bounce.BounceMailbox;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.delivery.RetrySchedule;
import io.intelligencecrm.outreach.mail.CapturedMails;
import io.intelligencecrm.outreach.mail.EmailDelivery;
import io.intelligencecrm.outreach.mail.EmailQueue;
import io.intelligencecrm.outreach.mail.MailComposer;
import io.intelligencecrm.outreach.mail.MailSettingsService;
import io.intelligencecrm.outreach.mail.MailboxChecks;
import io.intelligencecrm.outreach.mail.MailboxStore;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.outreach.unsubscribe.UnsubscribeService;
import io.intelligencecrm.outreach.unsubscribe.UnsubscribeTokens;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.outreach.sms.QuietHoursCheck;
import io.intelligencecrm.outreach.sms.SmsDelivery;
import io.intelligencecrm.outreach.sms.SmsQueue;
import io.intelligencecrm.outreach.sms.SmsSettingsService;
import io.intelligencecrm.outreach.sms.SmsWebhooks;
import io.intelligencecrm.outreach.sms.TwilioSmsSender;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Outreach's objects, built once by the composition root on top of the core services.
 *
 * @param smsDelivery delivers texts through each tenant's provider account (its own, else the product's)
 */
public record OutreachServices(MailSettingsService mailSettings, SuppressionList suppressions,
                               UnsubscribeService unsubscribe, Deliveries deliveries, EmailDelivery emailDelivery,
                               EmailQueue emailQueue, CapturedMails capturedMails, SmsDelivery smsDelivery,
                               BounceMailbox bounces, SmsSettingsService smsSettings, SmsQueue smsQueue,
                               SmsWebhooks smsWebhooks) {

    /** @param secretKeys the secrets keys (32 bytes each) sealing stored credentials and signing unsubscribe links */
    public static OutreachServices create(Database database, OutreachSettings settings, String publicUrl,
                                          KeyRing secretKeys, Clock clock, CoreServices core) {
        var transactions = database.tenants();
        SuppressionList suppressions = new SuppressionList(transactions, core.audit());
        UnsubscribeService unsubscribe = new UnsubscribeService(new UnsubscribeTokens(secretKeys), suppressions,
                publicUrl);
        SecretBox box = new SecretBox(secretKeys);
        MailSettingsService mailSettings = new MailSettingsService(transactions, core.audit(), box,
                new MailboxStore(box), settings, publicUrl, new MailboxChecks(transactions));
        Deliveries deliveries = new Deliveries(transactions, clock);
        EmailDelivery emailDelivery = new EmailDelivery(mailSettings, new MailComposer(unsubscribe), suppressions,
                deliveries, RetrySchedule.of(settings.retries()), clock);
        EmailQueue emailQueue = new EmailQueue(transactions, core.outbox(), core.contacts(), core.interactions(),
                core.users());
        SmsSettingsService smsSettings = new SmsSettingsService(transactions, core.audit(), box,
                settings, publicUrl);
        SmsDelivery sms = new SmsDelivery(new TwilioSmsSender(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).build(), settings.twilioBaseUrl()), smsSettings,
                new QuietHoursCheck(transactions), suppressions, deliveries, clock);
        return new OutreachServices(mailSettings, suppressions, unsubscribe, deliveries, emailDelivery, emailQueue,
                new CapturedMails(transactions), sms, new BounceMailbox(mailSettings, suppressions, deliveries),
                smsSettings, new SmsQueue(transactions, core.outbox(), core.contacts(), core.interactions()),
                new SmsWebhooks(transactions, smsSettings, suppressions, deliveries, core.interactions()));
    }

    /** The outbox handlers that deliver outreach on this node. */
    public List<OutboxHandler> deliveryHandlers() {
        return List.of(emailDelivery, smsDelivery);
    }
}
