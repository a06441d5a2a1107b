package io.intelligencecrm.core.contact.transfer;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.csv.CsvWriter;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.paging.Page;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Exports a filtered contact list as CSV, page by page, with one column per custom attribute. Not for reps. */
public final class ContactExport {
    private static final int PAGE = 100;
    private static final List<String> COLUMNS = List.of("id", "firstName", "lastName", "email", "phone", "title",
            "lifecycleStage", "source", "country", "company", "ownerId", "score", "createdAt", "updatedAt");

    private final TenantTransactions transactions;
    private final ContactService contacts;
    private final AuditTrail audit;

    public ContactExport(TenantTransactions transactions, ContactService contacts, AuditTrail audit) {
        this.transactions = transactions;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Checks the caller may export before anything is written, so a refusal is a clean error response. */
    public void requireAllowed(Actor actor) {
        Permissions.requireManager(actor, "export contacts");
    }

    public int write(Actor actor, ContactQuery query, Writer out) {
        requireAllowed(actor);
        List<String> attributes = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select distinct jsonb_object_keys(custom) as name from contacts where deleted_at is null order by 1""")
                .mapTo(String.class).list());
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>(COLUMNS);
        attributes.forEach(name -> header.add("custom." + name));
        csv.row(header);
        int count = 0;
        ContactQuery page = query.withLimit(PAGE).withCursor(null);
        while (true) {
            Page<Contact> result = contacts.list(actor, page);
            for (Contact contact : result.items()) {
                List<Object> cells = new ArrayList<>(List.of(contact.id(), contact.firstName(), contact.lastName(),
                        nullable(contact.email()), nullable(contact.phone()), nullable(contact.title()),
                        contact.lifecycleStage().stored(), nullable(contact.source()), nullable(contact.country()),
                        nullable(contact.companyName()), nullable(contact.ownerId()), nullable(contact.score()),
                        contact.createdAt(), contact.updatedAt()));
                for (String name : attributes) cells.add(nullable(contact.custom().get(name)));
                csv.row(cells);
                count++;
            }
            if (result.nextCursor() == null) break;
            page = page.withCursor(result.nextCursor());
        }
        audit.record(actor, "contact.export", "contact", null, Map.of("rows", count));
        return count;
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}
