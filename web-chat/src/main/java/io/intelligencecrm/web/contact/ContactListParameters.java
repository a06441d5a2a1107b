package io.intelligencecrm.web.contact;

import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.web.api.ApiRoute;
import io.intelligencecrm.web.http.QueryParams;

/** The contact list's query parameters, shared by the list and the CSV export. */
final class ContactListParameters {
    private ContactListParameters() {
    }

    static ContactQuery read(QueryParams params) {
        ContactQuery query = new ContactQuery(params.text("q"), params.uuid("ownerId"),
                params.choice("stage", LifecycleStage.class), params.uuid("companyId"), params.instant("createdFrom"),
                params.instant("createdTo"), params.instant("updatedFrom"), params.instant("updatedTo"),
                params.bool("hasEmail"), params.decimal("scoreMin"), params.decimal("scoreMax"),
                params.prefixed("custom."), params.text("sort"), params.bool("descending"), params.text("cursor"),
                params.integer("limit"), Boolean.TRUE.equals(params.bool("deleted")));
        params.validate();
        return query;
    }

    static ApiRoute document(ApiRoute route) {
        return route
                .query("q", "string", "words matched against name, email, phone and company")
                .query("ownerId", "uuid", "owner")
                .query("stage", "string", "lead, qualified, customer or lost")
                .query("companyId", "uuid", "company")
                .query("createdFrom", "date-time", "created at or after (date or timestamp)")
                .query("createdTo", "date-time", "created before")
                .query("updatedFrom", "date-time", "updated at or after")
                .query("updatedTo", "date-time", "updated before")
                .query("hasEmail", "boolean", "with (true) or without (false) an email")
                .query("scoreMin", "number", "latest lead score at least")
                .query("scoreMax", "number", "latest lead score at most")
                .query("custom.{name}", "string", "custom attribute equals, e.g. custom.plan=pro")
                .query("sort", "string", "created (default), updated, name or score")
                .query("descending", "boolean", "sort direction (default: newest/highest first, names A-Z)")
                .query("cursor", "string", "nextCursor of the previous page")
                .query("limit", "integer", "page size, 1-100 (default 25)")
                .query("deleted", "boolean", "true lists the trash");
    }
}
