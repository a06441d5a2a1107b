package io.intelligencecrm.core.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Runs inside a tenant transaction: RLS supplies the tenant, the insert sets it explicitly. */
public interface UserDao {
    /** The time zone is the user's own, else the tenant's, else UTC. */
    String COLUMNS = """
            id, email, full_name, role, coalesce(timezone, crm_tenant_timezone(), 'UTC') as timezone, active, \
            created_at""";

    @SqlQuery("""
            insert into users (tenant_id, email, full_name, role, timezone, password_hash)
            values (crm_current_tenant(), :email, :fullName, :role, :timezone, :passwordHash)
            returning\s""" + COLUMNS)
    User insert(@Bind("email") String email, @Bind("fullName") String fullName, @Bind("role") Role role,
                @Bind("timezone") String timezone, @Bind("passwordHash") String passwordHash);

    @SqlQuery("select " + COLUMNS + " from users where id = :id")
    Optional<User> find(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from users where lower(email) = lower(:email)")
    Optional<User> findByEmail(@Bind("email") String email);

    /** @param email already lower case (LoginAttempt.normalise), compared as given */
    @SqlQuery("select " + COLUMNS + " from users where lower(email) = :email")
    Optional<User> findByNormalisedEmail(@Bind("email") String email);

    @SqlQuery("select password_hash from users where id = :id")
    Optional<String> passwordHash(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from users order by full_name, email")
    List<User> list();
}
