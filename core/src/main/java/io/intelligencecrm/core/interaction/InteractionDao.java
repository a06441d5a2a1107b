package io.intelligencecrm.core.interaction;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface InteractionDao {
    String COLUMNS = "id, contact_id, deal_id, type, direction, subject, content, occurred_at, author_id, metadata, "
            + "created_at, deleted_at";

    @SqlQuery("""
            insert into interactions (tenant_id, contact_id, deal_id, type, direction, subject, content,
                                      occurred_at, author_id)
            values (crm_current_tenant(), :i.contactId, :i.dealId, :i.type, :i.direction, :i.subject, :i.content,
                    coalesce(:i.occurredAt, now()), :i.authorId)
            returning\s""" + COLUMNS)
    Interaction insert(@BindMethods("i") NewInteraction interaction);

    @SqlQuery("select " + COLUMNS + " from interactions where id = :id")
    Optional<Interaction> find(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from interactions where contact_id = :contactId and deleted_at is null"
            + " order by occurred_at desc limit :limit")
    List<Interaction> recentForContact(@Bind("contactId") UUID contactId, @Bind("limit") int limit);

    @SqlUpdate("update interactions set deleted_at = now() where id = :id and deleted_at is null")
    int softDelete(@Bind("id") UUID id);

    @SqlUpdate("update interactions set deleted_at = null where id = :id and deleted_at is not null")
    int restore(@Bind("id") UUID id);
}
