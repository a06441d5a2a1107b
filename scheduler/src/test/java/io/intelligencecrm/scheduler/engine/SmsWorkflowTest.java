package io.intelligencecrm.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intelligencecrm.agent.offline.OfflineModel;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowRun;
import io.intelligencecrm.outreach.sms.TwilioSignature;
import io.intelligencecrm.outreach.sms.TwilioStandIn;
import io.intelligencecrm.scheduler.testing.SchedulerFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workflow texts the new contact once, and the contact's SMS reply ends its wait like a mail reply. */
class SmsWorkflowTest {
    private TwilioStandIn twilio;
    private SchedulerFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() throws Exception {
        twilio = new TwilioStandIn();
        twilio.tokens.put("AC7", "token-7");
        fixture = new SchedulerFixture(new OfflineModel(), Map.of("CRM_SMS_TWILIO_URL", twilio.url(),
                "CRM_SMS_QUIET_HOURS", "none"));
        tenant = fixture.outreach.tenant("sms-flow");
        rep = fixture.outreach.user(tenant, "rep@sms-flow.example", Role.REP);
        Actor admin = fixture.outreach.user(tenant, "admin@sms-flow.example", Role.ADMIN);
        fixture.outreach.outreach.smsSettings().update(admin, Map.of("accountSid", "AC7", "authToken", "token-7",
                "fromNumber", "+15550007777"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        twilio.close();
    }

    @Test
    void a_send_sms_step_texts_the_contact_once_and_an_sms_reply_ends_the_wait() {
        Workflow workflow = fixture.scheduler.workflows().create(rep, Map.of("name", "Text new leads", "activate", true,
                "definition", Map.of("trigger", Map.of("type", "event", "entity", "contact", "action", "created"),
                        "steps", List.of(
                                Map.of("id", "hello", "type", "send_sms", "body", "Hi {{record.firstName}}, thanks!"),
                                Map.of("id", "listen", "type", "wait_for_reply", "timeout", "P3D",
                                        "then", "thanks", "onTimeout", "end"),
                                Map.of("id", "thanks", "type", "notify", "title", "{{recordName}} replied")))));
        Contact lee = fixture.outreach.core.contacts().create(rep, Map.of("firstName", "Lee", "lastName", "Test",
                "phone", "+1 555 000 4242"));
        fixture.settle();
        assertEquals(List.of("Hi Lee, thanks!"), twilio.received.stream().map(m -> m.get("Body")).toList());
        assertEquals("+15550004242", twilio.received.getFirst().get("To"));
        List<WorkflowRun> runs = fixture.scheduler.workflows().runs(rep, workflow.id(), 10);
        assertEquals("waiting", runs.getFirst().status());

        String url = "http://crm.test/webhooks/sms/" + tenant.value() + "/inbound";
        Map<String, String> form = Map.of("MessageSid", "SM77", "From", "+15550004242", "To", "+15550007777",
                "Body", "Yes, call me tomorrow");
        assertEquals(200, fixture.outreach.outreach.smsWebhooks().inbound(tenant, url, form,
                TwilioSignature.sign("token-7", url, form)).status());
        fixture.settle();

        assertEquals("succeeded", fixture.scheduler.workflows().runs(rep, workflow.id(), 10).getFirst().status());
        assertEquals(List.of("Lee Test replied"), fixture.scheduler.notifications().recent(rep, true, 10).stream()
                .map(n -> n.title()).toList());
        assertEquals(1, twilio.received.size(), "texted once");
    }
}
