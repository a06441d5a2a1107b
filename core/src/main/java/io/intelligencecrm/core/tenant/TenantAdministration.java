package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.transfer.TenantArchive;
import io.intelligencecrm.core.tenant.transfer.TenantImport;
import io.intelligencecrm.core.tenant.transfer.TenantTables;
import io.intelligencecrm.core.tenant.transfer.TransferProgress;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.Invitation;
import io.intelligencecrm.core.user.UserService;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's side of tenants: provisioning, listing, suspension and deletion. Runs as the database
 * owner, which alone may add or remove tenants; a tenant's own records are still reached only with its id
 * set for row-level security. Every operation is written to the operator's log (tenant_events), which
 * outlives the tenants it names.
 */
public final class TenantAdministration {
    private final Jdbi ownerJdbi;
    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final UserService users;

    public TenantAdministration(Jdbi ownerJdbi, TenantDirectory directory, TenantTransactions transactions,
                                UserService users) {
        this.ownerJdbi = ownerJdbi;
        this.directory = directory;
        this.transactions = transactions;
        this.users = users;
    }

    /** A new tenant and the one-time link its first admin sets a password with. */
    public record Provisioned(Tenant tenant, Invitation admin) {
    }

    /** What a deletion removed, table by table. */
    public record Deleted(Tenant tenant, Map<String, Long> rows) {
    }

    /** Creates an empty tenant (no demo data): its directory row, settings and vector partition, and its first admin. */
    public Provisioned create(NewTenant input, String actor) {
        input.validate(true);
        Tenant tenant = createEmpty(input, actor);
        try {
            Invitation admin = users.inviteFirstAdmin(tenant.tenantId(), input.adminEmail(),
                    input.adminName() == null ? "" : input.adminName());
            return new Provisioned(tenant, admin);
        } catch (RuntimeException e) {
            ownerJdbi.useTransaction(handle -> remove(handle, tenant));
            throw e;
        }
    }

    /** A new tenant filled from an archive, and the links its active admins set their passwords with. */
    public record Imported(Tenant tenant, List<Invitation> adminLinks) {
    }

    /** Creates the tenant and imports the archive into it; when the import fails, the tenant is removed again. */
    public Imported createFromArchive(NewTenant input, Path archive, TenantImport imports, String actor,
                                      Consumer<TransferProgress> progress) {
        input.validate(false);
        Tenant tenant = createEmpty(input, actor);
        try {
            TenantArchive.Manifest manifest = imports.importInto(tenant.tenantId(), archive, progress);
            ownerJdbi.useHandle(handle -> log(handle, tenant, "import", actor, summary(manifest)));
        } catch (RuntimeException e) {
            ownerJdbi.useTransaction(handle -> remove(handle, tenant));
            throw e;
        }
        Actor system = new Actor(tenant.tenantId(), null, Role.ADMIN, Actor.Kind.SYSTEM, null);
        List<Invitation> links = users.list(system).stream()
                .filter(user -> user.role() == Role.ADMIN && user.active())
                .map(user -> users.resendInvitation(system, user.id())).toList();
        return new Imported(tenant, links);
    }

    /** Notes an export in the operator's log (what was exported: table counts and checksum). */
    public void recordTransfer(Tenant tenant, String action, String actor, TenantArchive.Manifest manifest) {
        ownerJdbi.useHandle(handle -> log(handle, tenant, action, actor, summary(manifest)));
    }

    private static Map<String, Object> summary(TenantArchive.Manifest manifest) {
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.tables().forEach(table -> rows.put(table.name(), table.rows()));
        return Map.of("rows", rows, "checksum", manifest.checksum(), "exportedAt", manifest.exportedAt());
    }

    private Tenant createEmpty(NewTenant input, String actor) {
        TenantSettings settings = TenantSettings.defaults().with(input.timezone(), input.currency(), null, null,
                new io.intelligencecrm.core.error.Violations());
        return ownerJdbi.inTransaction(handle -> {
            if (handle.createQuery("select count(*) from tenants where slug = :slug").bind("slug", input.slug())
                    .mapTo(Long.class).one() > 0) {
                throw new CrmException(ErrorCode.CONFLICT, "A tenant with this slug already exists",
                        Map.of("slug", "is taken; choose another"));
            }
            Tenant created = handle.createQuery("""
                            insert into tenants (slug, name, settings) values (:slug, :name, :settings)
                            returning id, slug, name, domain, created_at""")
                    .bind("slug", input.slug()).bind("name", input.name()).bind("settings", settings.toStored())
                    .mapTo(Tenant.class).one();
            log(handle, created, "create", actor, Map.of());
            return created;
        });
    }

    public List<TenantSummary> list() {
        return ownerJdbi.withHandle(handle -> handle.createQuery(
                        "select id, slug, name, created_at, suspended_at from tenants order by created_at")
                .mapToMap().list()).stream().map(this::summary).toList();
    }

    public TenantSummary summary(String slug) {
        Tenant tenant = find(slug);
        return ownerJdbi.withHandle(handle -> handle.createQuery(
                        "select id, slug, name, created_at, suspended_at from tenants where id = :id")
                .bind("id", tenant.id()).mapToMap().map(this::summary).one());
    }

    private TenantSummary summary(Map<String, Object> row) {
        TenantId tenant = new TenantId((UUID) row.get("id"));
        long[] counts = transactions.inTenant(tenant, handle -> new long[] {
                handle.createQuery("select count(*) from users").mapTo(Long.class).one(),
                handle.createQuery("select count(*) from contacts where deleted_at is null").mapTo(Long.class).one()});
        return new TenantSummary(tenant.value(), (String) row.get("slug"), (String) row.get("name"),
                instant(row.get("created_at")), instant(row.get("suspended_at")), row.get("suspended_at") != null,
                counts[0], counts[1]);
    }

    public Tenant find(String slug) {
        return directory.findBySlugOrDomain(slug == null ? "" : slug)
                .filter(tenant -> tenant.slug().equals(slug.trim().toLowerCase()))
                .orElseThrow(() -> CrmException.notFound("Tenant"));
    }

    /** Nobody of the tenant signs in, and no token or API key of it works, until it is resumed; its data stays. */
    public Tenant suspend(String slug, String actor) {
        return setSuspended(slug, actor, true);
    }

    public Tenant resume(String slug, String actor) {
        return setSuspended(slug, actor, false);
    }

    private Tenant setSuspended(String slug, String actor, boolean suspended) {
        Tenant tenant = find(slug);
        ownerJdbi.useTransaction(handle -> {
            handle.createUpdate("update tenants set suspended_at = case when :suspended then coalesce(suspended_at, now())"
                            + " end where id = :id")
                    .bind("suspended", suspended).bind("id", tenant.id()).execute();
            log(handle, tenant, suspended ? "suspend" : "resume", actor, Map.of());
        });
        return tenant;
    }

    /**
     * Removes the tenant and everything of it, in one transaction: every row of every tenant table, its vector
     * partition and its scheduled jobs. The slug must be given again as confirmation.
     */
    public Deleted delete(String slug, String confirmation, String actor) {
        Tenant tenant = find(slug);
        if (confirmation == null || !confirmation.trim().equalsIgnoreCase(tenant.slug())) {
            throw CrmException.invalid("confirm", "must repeat the tenant's slug (" + tenant.slug()
                    + ") to confirm that everything of it is deleted");
        }
        return ownerJdbi.inTransaction(handle -> {
            Map<String, Long> rows = countRows(handle, tenant.tenantId());
            remove(handle, tenant);
            log(handle, tenant, "delete", actor, Map.of("rows", rows));
            return new Deleted(tenant, rows);
        });
    }

    /** Rows of each tenant table that belong to the tenant (the owner sees them once the tenant is set). */
    private static Map<String, Long> countRows(Handle handle, TenantId tenant) {
        handle.createQuery("select set_config('app.tenant_id', :tenant, true)").bind("tenant", tenant.toString())
                .mapTo(String.class).one();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TenantTables.Table table : TenantTables.read(handle)) {
            long count = handle.createQuery("select count(*) from " + TenantTables.quoted(table.name()))
                    .mapTo(Long.class).one();
            if (count > 0) rows.put(table.name(), count);
        }
        handle.createQuery("select set_config('app.tenant_id', '', true)").mapTo(String.class).one();
        return rows;
    }

    /**
     * Quartz's rows first (they name the tenant in their group, without a foreign key), then the tenant: every
     * tenant table references it on delete cascade, and cascades run as the tables' owner past row-level
     * security. The vector partition is a table of its own and is dropped.
     */
    private static void remove(Handle handle, Tenant tenant) {
        String group = "tenant-" + tenant.id();
        for (String table : List.of("qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers",
                "qrtz_blob_triggers")) {
            handle.createUpdate("delete from " + table + " where trigger_group = :group").bind("group", group).execute();
        }
        handle.createUpdate("delete from qrtz_fired_triggers where trigger_group = :group or job_group = :group")
                .bind("group", group).execute();
        handle.createUpdate("delete from qrtz_triggers where trigger_group = :group or job_group = :group")
                .bind("group", group).execute();
        handle.createUpdate("delete from qrtz_job_details where job_group = :group").bind("group", group).execute();
        handle.createUpdate("delete from tenants where id = :id").bind("id", tenant.id()).execute();
        // Built from the UUID's hex digits only, like crm_embedding_partition names it.
        handle.execute("drop table if exists embeddings_t_" + tenant.id().toString().replace("-", ""));
    }

    static void log(Handle handle, Tenant tenant, String action, String actor, Map<String, ?> detail) {
        handle.createUpdate("""
                        insert into tenant_events (subject_id, tenant_slug, action, actor, detail)
                        values (:id, :slug, :action, :actor, :detail)""")
                .bind("id", tenant.id()).bind("slug", tenant.slug()).bind("action", action)
                .bind("actor", actor == null || actor.isBlank() ? "operator" : actor).bind("detail", detail)
                .execute();
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
