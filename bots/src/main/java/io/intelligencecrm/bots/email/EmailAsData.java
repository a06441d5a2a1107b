package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactDao;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.erasure.ErasedAddresses;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Mail that is not a command: logged as an inbound email on the contact with the sender's address
 * (or on a new lead, when the tenant wants that). Logging it is what wakes the contact's workflow
 * runs waiting for a reply: the interaction's record change reaches the workflow engine, which
 * moves each such run on to its "replied" branch, so the sequence stops mailing them.
 */
final class EmailAsData {
    private static final int MAX_CONTENT = 100_000;

    private final TenantTransactions transactions;
    private final ContactService contacts;
    private final InteractionService interactions;

    EmailAsData(TenantTransactions transactions, ContactService contacts, InteractionService interactions) {
        this.transactions = transactions;
        this.contacts = contacts;
        this.interactions = interactions;
    }

    /** @return "interaction", "lead" or "ignored"; the lead, interaction and its metadata commit together */
    String record(TenantId tenant, InboundEmail email, boolean createLead) {
        return transactions.inTenant(tenant, handle -> record(handle, tenant,
                handle.attach(ContactDao.class).findActiveByEmail(email.from()), email, createLead));
    }

    private String record(Handle handle, TenantId tenant, Optional<Contact> known, InboundEmail email,
                          boolean createLead) {
        // Nobody signed in sent this: the mailbox acts as the system, audited as such.
        Actor system = new Actor(tenant, null, Role.ADMIN, Actor.Kind.SYSTEM, null);
        String outcome = "interaction";
        Contact contact;
        if (known.isPresent()) {
            contact = known.get();
        } else if (createLead && !ErasedAddresses.erased(handle, tenant, List.of(email.from())).isEmpty()) {
            // Someone erased at their request writes again: their mail is not turned back into a record of them.
            return "ignored";
        } else if (createLead) {
            contact = contacts.create(system, lead(email));
            outcome = "lead";
        } else {
            return "ignored";
        }
        String content = EmailText.newPart(email.text(), email.html());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("contactId", contact.id().toString());
        fields.put("type", "email");
        fields.put("direction", "inbound");
        fields.put("subject", email.subject() == null || email.subject().isBlank() ? "(no subject)"
                : email.subject().length() > 500 ? email.subject().substring(0, 500) : email.subject());
        fields.put("content", content.length() > MAX_CONTENT ? content.substring(0, MAX_CONTENT) : content);
        var logged = interactions.log(system, fields);
        interactions.addMetadata(system, logged.id(), Map.of("messageId", email.messageId(), "from", email.from()));
        return outcome;
    }

    private static Map<String, Object> lead(InboundEmail email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String name = email.fromName() == null || email.fromName().isBlank()
                ? email.from().substring(0, email.from().indexOf('@')) : email.fromName().strip();
        int space = name.lastIndexOf(' ');
        fields.put("firstName", space < 0 ? name : name.substring(0, space));
        if (space >= 0) fields.put("lastName", name.substring(space + 1));
        fields.put("email", email.from());
        fields.put("lifecycleStage", "lead");
        fields.put("source", "email");
        return fields;
    }
}
