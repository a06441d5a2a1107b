package io.intelligencecrm.web.contact;

import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.JsonBody;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class ContactController {
    private final ContactService contacts;

    public ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    public void routes(ApiRoutes api) {
        ContactListParameters.document(api.get("/api/contacts", this::list).doc("contacts", "List and search contacts")
                .returns("ContactPage"));
        api.post("/api/contacts", this::create).doc("contacts", "Create a contact")
                .description("409 with existingId when a live contact has the same email.")
                .body("ContactInput").returns(201, "Contact");
        api.get("/api/contacts/{id}", this::details).doc("contacts", "A contact with company, score, open deals and recent interactions")
                .returns("ContactDetails");
        api.patch("/api/contacts/{id}", this::update).doc("contacts", "Change some fields (null clears a field)")
                .body("ContactInput").returns("Contact");
        api.delete("/api/contacts/{id}", this::delete).doc("contacts", "Delete (to trash), or erase for good")
                .query("erase", "boolean", "true erases the person and everything derived from them (admins only)")
                .returns(204, null);
        api.post("/api/contacts/{id}/restore", this::restore).doc("contacts", "Restore from the trash").returns("Contact");
        api.post("/api/contacts/{id}/merge", this::merge).doc("contacts", "Merge a duplicate into this contact")
                .body("MergeRequest").returns("Contact");
        api.post("/api/contacts/bulk-delete", this::bulkDelete).doc("contacts", "Delete many contacts (managers, admins)")
                .body("IdList").returns("CountResult");
    }

    void list(Context ctx) {
        JsonBody.send(ctx, contacts.list(CurrentActor.of(ctx), ContactListParameters.read(new QueryParams(ctx))));
    }

    void create(Context ctx) {
        ctx.status(201).json(contacts.create(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void details(Context ctx) {
        ctx.json(contacts.details(CurrentActor.of(ctx), Requests.id(ctx, "id", "Contact")));
    }

    void update(Context ctx) {
        ctx.json(contacts.update(CurrentActor.of(ctx), Requests.id(ctx, "id", "Contact"), Requests.jsonObject(ctx)));
    }

    void delete(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        UUID id = Requests.id(ctx, "id", "Contact");
        QueryParams params = new QueryParams(ctx);
        Boolean erase = params.bool("erase");
        params.validate();
        if (Boolean.TRUE.equals(erase)) contacts.erase(actor, id);
        else contacts.delete(actor, id);
        ctx.status(204);
    }

    void restore(Context ctx) {
        ctx.json(contacts.restore(CurrentActor.of(ctx), Requests.id(ctx, "id", "Contact")));
    }

    void merge(Context ctx) {
        Object duplicate = Requests.jsonObject(ctx).get("duplicateId");
        UUID duplicateId;
        try {
            duplicateId = UUID.fromString(String.valueOf(duplicate));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("duplicateId", "must be the id of the contact to merge into this one");
        }
        ctx.json(contacts.merge(CurrentActor.of(ctx), Requests.id(ctx, "id", "Contact"), duplicateId));
    }

    void bulkDelete(Context ctx) {
        Object raw = Requests.jsonObject(ctx).get("ids");
        if (!(raw instanceof List<?> values) || values.isEmpty()) throw CrmException.invalid("ids", "must be a non-empty list of ids");
        List<UUID> ids = new ArrayList<>();
        for (Object value : values) {
            try {
                ids.add(UUID.fromString(String.valueOf(value)));
            } catch (IllegalArgumentException e) {
                throw CrmException.invalid("ids", "contains something that is not an id: " + value);
            }
        }
        ctx.json(Map.of("count", contacts.bulkDelete(CurrentActor.of(ctx), ids)));
    }
}
