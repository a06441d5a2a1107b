package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalStatus;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.outreach.OutreachWriteTools;
import io.intelligencecrm.tools.proposal.MergeFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProposalToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final ContactWriteTools contacts = new ContactWriteTools(fixture.services, fixture.proposals);
    private final SuppressionList suppressions = new SuppressionList(fixture.database.tenants(),
            new AuditTrail(fixture.database.tenants()));
    private final OutreachWriteTools outreach = new OutreachWriteTools(fixture.services, fixture.proposals, suppressions);
    private final DealWriteTools deals = new DealWriteTools(fixture.services, fixture.proposals);

    private long ownedBy(UUID contactId, UUID owner) {
        return fixture.count("select count(*) from contacts where id = :id and owner_id = :owner",
                Map.of("id", contactId, "owner", owner));
    }

    private long emailOutbox(String keyPrefix) {
        return fixture.count("select count(*) from outbox where kind = 'email.send' and idempotency_key like :prefix",
                Map.of("prefix", keyPrefix + "%"));
    }

    @Test
    void reassigning_someone_elses_contact_waits_for_approval() {
        UUID jordans = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();

        Object answer = contacts.assignContactOwner(jordans.toString(), "ALEX@demo.example", as(fixture.manager));

        ProposalResult proposal = assertInstanceOf(ProposalResult.class, answer);
        assertEquals("contact.assign_owner", proposal.action());
        assertTrue(proposal.status().startsWith("PROPOSED, NOT DONE"));
        assertEquals(1, ownedBy(jordans, fixture.rep.userId()), "nothing changes before approval");
        assertTrue(fixture.proposals.pending(fixture.manager, null).stream()
                .anyMatch(pending -> pending.id().equals(proposal.proposalId())));

        Proposal approved = fixture.proposals.approve(fixture.manager, proposal.proposalId(), proposal.argumentsHash());

        assertEquals(ProposalStatus.EXECUTED, approved.status());
        assertEquals(1, ownedBy(jordans, fixture.admin.userId()));
    }

    @Test
    void a_colleagues_deal_is_given_away_only_after_approval_and_ones_own_at_once() {
        UUID jordans = deals.createDeal("Reassign Co - pilot", null, null, "900", "EUR", null, null,
                as(fixture.rep)).deal().id();
        String dealOwner = "select count(*) from deals where id = :id and owner_id = :owner";

        ProposalResult proposal = assertInstanceOf(ProposalResult.class,
                deals.assignDealOwner(jordans.toString(), "sam@demo.example", as(fixture.manager)));
        assertEquals("deal.assign_owner", proposal.action());
        assertEquals(1, fixture.count(dealOwner, Map.of("id", jordans, "owner", fixture.rep.userId())),
                "nothing changes before approval");
        fixture.proposals.approve(fixture.manager, proposal.proposalId(), proposal.argumentsHash());
        assertEquals(1, fixture.count(dealOwner, Map.of("id", jordans, "owner", fixture.manager.userId())));

        assertInstanceOf(DealWriteTools.DealSaved.class,
                deals.assignDealOwner(jordans.toString(), "alex@demo.example", as(fixture.manager)));
        assertEquals(1, fixture.count(dealOwner, Map.of("id", jordans, "owner", fixture.admin.userId())));
        CrmException refused = assertThrows(CrmException.class,
                () -> deals.assignDealOwner(jordans.toString(), "jordan@demo.example", as(fixture.rep)));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
    }

    @Test
    void assigning_ones_own_contact_happens_directly() {
        UUID sams = fixture.freshContactsOwnedBy(fixture.manager, 1).getFirst();
        Object answer = contacts.assignContactOwner(sams.toString(), "jordan@demo.example", as(fixture.manager));
        assertInstanceOf(ContactWriteTools.ContactSaved.class, answer);
        assertEquals(1, ownedBy(sams, fixture.rep.userId()));
    }

    @Test
    void a_rep_cannot_even_propose_taking_a_colleagues_contact() {
        UUID sams = fixture.freshContactsOwnedBy(fixture.manager, 1).getFirst();
        CrmException refused = assertThrows(CrmException.class,
                () -> contacts.assignContactOwner(sams.toString(), "jordan@demo.example", as(fixture.rep)));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        CrmException unknown = assertThrows(CrmException.class,
                () -> contacts.assignContactOwner(sams.toString(), "nobody@demo.example", as(fixture.manager)));
        assertTrue(unknown.getMessage().contains("sam@demo.example"), unknown.getMessage());
    }

    @Test
    void bulk_stage_change_of_six_contacts_is_proposed_and_of_three_is_direct() {
        List<UUID> six = fixture.freshContactsOwnedBy(fixture.rep, 6);
        List<String> sixIds = six.stream().map(UUID::toString).toList();
        Map<String, Object> lost = Map.of("ids", six.toArray(UUID[]::new));
        String countLost = "select count(*) from contacts where id = any(:ids) and lifecycle_stage = 'lost'";

        ProposalResult proposal = assertInstanceOf(ProposalResult.class,
                contacts.bulkChangeContactStage(sixIds, "lost", as(fixture.rep)));
        assertEquals("contacts.change_stage", proposal.action());
        assertTrue(fixture.count(countLost, lost) < 6, "nothing changes before approval");
        fixture.proposals.approve(fixture.rep, proposal.proposalId(), proposal.argumentsHash());
        assertEquals(6, fixture.count(countLost, lost));

        ContactWriteTools.StageChanges direct = assertInstanceOf(ContactWriteTools.StageChanges.class,
                contacts.bulkChangeContactStage(sixIds.subList(0, 3), "qualified", as(fixture.rep)));
        assertEquals(3, direct.changed().size());
        assertEquals(List.of(), direct.refused());
        assertEquals(3, fixture.count("select count(*) from contacts where id = any(:ids) and lifecycle_stage = "
                + "'qualified'", lost));
    }

    @Test
    void deleting_a_contact_is_only_proposed_until_approved() {
        UUID own = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();
        ProposalResult proposal = contacts.deleteContact(own.toString(), as(fixture.rep));
        assertEquals("contact.delete", proposal.action());
        String live = "select count(*) from contacts where id = :id and deleted_at is null";
        assertEquals(1, fixture.count(live, Map.of("id", own)));
        fixture.proposals.approve(fixture.rep, proposal.proposalId(), proposal.argumentsHash());
        assertEquals(0, fixture.count(live, Map.of("id", own)));
    }

    @Test
    void an_approved_email_is_queued_once_per_recipient_and_never_sent_directly() {
        UUID recipient = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();

        ProposalResult proposal = outreach.proposeSendEmail(recipient.toString(), "Pricing follow-up",
                "Hi,\n\nHere is the pricing we discussed.\n\nJordan", as(fixture.rep));

        assertEquals("email.send", proposal.action());
        String sendId = (String) proposal.arguments().get("sendId");
        assertEquals(0, emailOutbox("proposal:" + sendId), "nothing is queued before approval");

        Proposal approved = fixture.proposals.approve(fixture.rep, proposal.proposalId(), proposal.argumentsHash());

        assertEquals(ProposalStatus.EXECUTED, approved.status());
        assertEquals(1, emailOutbox("proposal:" + sendId + ":" + recipient));
        assertTrue(approved.outcome().get("result").toString()
                .contains("queued for delivery to 1 recipients"));
        assertEquals(1, fixture.count("""
                select count(*) from interactions
                 where contact_id = :id and type = 'email' and direction = 'outbound'
                   and subject = 'Pricing follow-up' and metadata->>'delivery' = 'queued'""", Map.of("id", recipient)));
        CrmException again = assertThrows(CrmException.class,
                () -> fixture.proposals.approve(fixture.rep, proposal.proposalId(), proposal.argumentsHash()));
        assertEquals(ErrorCode.CONFLICT, again.code());
        assertEquals(1, emailOutbox("proposal:" + sendId));
    }

    @Test
    void an_email_to_several_contacts_queues_one_message_each_greeting_each_by_name() {
        List<String> recipients = fixture.freshContactsOwnedBy(fixture.rep, 3).stream().map(UUID::toString).toList();
        ProposalResult proposal = outreach.proposeSendEmails(recipients, "Webinar invite",
                "Hi {{firstName}},\n\njoin us on Thursday.", as(fixture.rep));
        fixture.proposals.approve(fixture.rep, proposal.proposalId(), proposal.argumentsHash());
        String sendId = String.valueOf(proposal.arguments().get("sendId"));
        assertEquals(3, emailOutbox("proposal:" + sendId));
        assertEquals(3, fixture.count("""
                select count(*) from outbox o join contacts c on c.id = (o.payload->>'contactId')::uuid
                 where o.idempotency_key like :prefix and o.payload->>'body' = 'Hi ' || c.first_name || ',' || chr(10)
                       || chr(10) || 'join us on Thursday.'""", Map.of("prefix", "proposal:" + sendId + "%")));

        CrmException unknown = assertThrows(CrmException.class, () -> outreach.proposeSendEmails(recipients,
                "News for {{company}}", "Dear {{title}}", as(fixture.rep)));
        assertEquals(Map.of("body", "unknown placeholder {{title}}; use " + MergeFields.KNOWN), unknown.fieldErrors());
    }

    @Test
    void contacts_without_an_email_cannot_be_emailed() {
        ContactWriteTools.ContactSaved noEmail = contacts.createContact("Pat", "Paper", null, "+1 555 0100", null, null,
                null, null, null, as(fixture.rep));
        CrmException refused = assertThrows(CrmException.class, () -> outreach.proposeSendEmail(
                noEmail.contact().id().toString(), "Hello", "Hello Pat", as(fixture.rep)));
        assertEquals(ErrorCode.VALIDATION, refused.code());
        assertTrue(refused.getMessage().contains("Pat Paper") && refused.getMessage().contains("no email address"),
                refused.getMessage());
        List<String> tooMany = java.util.stream.IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        CrmException capped = assertThrows(CrmException.class,
                () -> outreach.proposeSendEmails(tooMany, "Hi", "Hi", as(fixture.rep)));
        assertTrue(capped.getMessage().contains("at most 50"), capped.getMessage());
    }

    @Test
    void a_suppressed_contact_is_left_out_when_the_email_is_proposed_and_the_card_says_why() {
        List<UUID> group = fixture.freshContactsOwnedBy(fixture.rep, 2);
        String unsubscribed = fixture.services.contacts().get(fixture.rep, group.get(0)).email();
        suppressions.suppress(fixture.rep.tenant(), unsubscribed, "email", "unsubscribed", "unsubscribe link");

        ProposalResult proposal = outreach.proposeSendEmails(group.stream().map(UUID::toString).toList(), "Update",
                "Hi {{firstName}}", as(fixture.rep));
        assertEquals(List.of(group.get(1).toString()), proposal.arguments().get("contactIds"));
        assertTrue(proposal.summary().contains("left out, on the suppression list")
                && proposal.summary().contains(unsubscribed + ">: unsubscribed"), proposal.summary());

        CrmException nobody = assertThrows(CrmException.class, () -> outreach.proposeSendEmail(group.get(0).toString(),
                "Update", "Hi", as(fixture.rep)));
        assertTrue(nobody.getMessage().contains("nothing to send") && nobody.getMessage().contains("unsubscribed"),
                nobody.getMessage());
    }

    @Test
    void a_text_is_proposed_queued_once_on_approval_and_refused_for_a_number_that_replied_stop() {
        ContactWriteTools.ContactSaved pat = contacts.createContact("Pat", "Phone", null, "+1 555 0100 222", null, null,
                null, null, null, as(fixture.rep));
        String id = pat.contact().id().toString();
        ProposalResult proposal = outreach.proposeSendSms(id, "Hi {{firstName}}, see you at 3", as(fixture.rep));
        assertEquals("sms.send", proposal.action());
        assertTrue(proposal.summary().contains("+15550100222"), proposal.summary());
        String key = "proposal:" + proposal.arguments().get("sendId") + ":" + id;
        assertEquals(0, fixture.count("select count(*) from outbox where idempotency_key = :key", Map.of("key", key)));

        fixture.proposals.approve(fixture.rep, proposal.proposalId(), proposal.argumentsHash());
        assertEquals(1, fixture.count("""
                select count(*) from outbox where kind = 'sms.send' and idempotency_key = :key
                   and payload ->> 'to' = '+15550100222' and payload ->> 'body' = 'Hi Pat, see you at 3'""",
                Map.of("key", key)));
        assertEquals(1, fixture.count("""
                select count(*) from interactions where contact_id = :id and type = 'sms' and direction = 'outbound'
                   and metadata ->> 'delivery' = 'queued'""", Map.of("id", pat.contact().id())));

        suppressions.suppress(fixture.rep.tenant(), "+15550100222", "sms", "unsubscribed", "replied STOP");
        CrmException refused = assertThrows(CrmException.class, () -> outreach.proposeSendSms(id, "Again",
                as(fixture.rep)));
        assertTrue(refused.getMessage().contains("suppression list") && refused.getMessage().contains("unsubscribed"),
                refused.getMessage());
        ContactWriteTools.ContactSaved noPhone = contacts.createContact("Nora", "Nophone", "nora@example.test", null,
                null, null, null, null, null, as(fixture.rep));
        CrmException noNumber = assertThrows(CrmException.class, () -> outreach.proposeSendSms(
                noPhone.contact().id().toString(), "Hi", as(fixture.rep)));
        assertTrue(noNumber.getMessage().contains("no phone number"), noNumber.getMessage());
    }
}
