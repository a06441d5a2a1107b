package io.intelligencecrm.core.company;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Company.class)
public interface CompanyDao {
    String COLUMNS = "id, name, domain, industry, size_band, country, website, owner_id, custom, created_at, "
            + "updated_at, deleted_at";

    @SqlQuery("""
            insert into companies (tenant_id, name, domain, industry, size_band, country, website, owner_id, custom)
            values (crm_current_tenant(), :c.name, :c.domain, :c.industry, :c.sizeBand, :c.country, :c.website,
                    :c.ownerId, coalesce(:c.custom, '{}'::jsonb))
            returning\s""" + COLUMNS)
    Company insert(@BindMethods("c") NewCompany company);

    @SqlQuery("select " + COLUMNS + " from companies where id = :id")
    Optional<Company> find(@Bind("id") UUID id);
}
