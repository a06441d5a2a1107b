package io.intelligencecrm.core.contact;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ContactDao {
    String SELECT = """
            select c.id, c.company_id, co.name as company_name, c.owner_id, c.first_name, c.last_name, c.email,
                   c.phone, c.title, c.lifecycle_stage, c.source, c.country, c.custom, c.score,
                   c.score_calculated_at, c.created_at, c.updated_at, c.deleted_at, c.merged_into
              from contacts c
              left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
            """;

    @SqlQuery("""
            insert into contacts (tenant_id, company_id, owner_id, first_name, last_name, email, phone, title,
                                  lifecycle_stage, source, country, custom)
            values (crm_current_tenant(), :c.companyId, :c.ownerId, coalesce(:c.firstName, ''),
                    coalesce(:c.lastName, ''), :c.email, :c.phone, :c.title, coalesce(:c.lifecycleStage, 'lead'),
                    :c.source, :c.country, coalesce(:c.custom, '{}'::jsonb))
            returning id""")
    UUID insert(@BindMethods("c") NewContact contact);

    @SqlQuery(SELECT + " where c.id = :id")
    Optional<Contact> find(@Bind("id") UUID id);

    /**
     * Emails are stored lower-case. Plain equality matters: under row-level security only leakproof
     * operators can drive an index, and lower() is not leakproof.
     */
    @SqlQuery(SELECT + " where c.email = lower(:email) and c.deleted_at is null")
    Optional<Contact> findActiveByEmail(@Bind("email") String email);

    @SqlQuery("select count(*) from contacts where deleted_at is null")
    long countActive();

    @SqlQuery("""
            select exists (select 1 from deals
                            where contact_id = :contactId and owner_id = :userId and deleted_at is null)""")
    boolean hasDealOwnedBy(@Bind("contactId") UUID contactId, @Bind("userId") UUID userId);

    @SqlUpdate("update contacts set deleted_at = now() where id = :id and deleted_at is null")
    int softDelete(@Bind("id") UUID id);

    @SqlUpdate("update contacts set deleted_at = null, merged_into = null where id = :id and deleted_at is not null")
    int restore(@Bind("id") UUID id);
}
