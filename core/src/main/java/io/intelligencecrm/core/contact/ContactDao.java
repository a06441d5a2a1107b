package io.intelligencecrm.core.contact;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Contact.class)
public interface ContactDao {
    String COLUMNS = "id, company_id, owner_id, first_name, last_name, email, phone, title, lifecycle_stage, "
            + "source, country, custom, created_at, updated_at, deleted_at";

    @SqlQuery("""
            insert into contacts (tenant_id, company_id, owner_id, first_name, last_name, email, phone, title,
                                  lifecycle_stage, source, country, custom)
            values (crm_current_tenant(), :c.companyId, :c.ownerId, :c.firstName, :c.lastName, :c.email, :c.phone,
                    :c.title, :c.lifecycleStage, :c.source, :c.country, coalesce(:c.custom, '{}'::jsonb))
            returning\s""" + COLUMNS)
    Contact insert(@BindMethods("c") NewContact contact);

    @SqlQuery("select " + COLUMNS + " from contacts where id = :id")
    Optional<Contact> find(@Bind("id") UUID id);

    @SqlQuery("select count(*) from contacts where deleted_at is null")
    long countActive();
}
