package io.intelligencecrm.web.ops;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.tenant.NewTenant;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantAdministration;
import io.intelligencecrm.core.tenant.TenantServices;
import io.intelligencecrm.core.tenant.TenantSummary;
import io.intelligencecrm.core.tenant.transfer.TenantArchive;
import io.intelligencecrm.core.tenant.transfer.TransferProgress;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.web.DatabaseRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code tenant create|list|suspend|resume|delete|export|import}: the operator's tenant commands, run next to
 * the server on the same database. Links for first admins are printed, never mailed: the operator passes them on.
 */
final class TenantCommands {
    static final String USAGE = """
            usage: tenant create --slug SLUG --name NAME --admin-email EMAIL [--admin-name NAME] [--timezone ZONE] [--currency CODE]
                   tenant list
                   tenant suspend SLUG | tenant resume SLUG
                   tenant delete SLUG [--confirm SLUG]
                   tenant export SLUG --output FILE
                   tenant import FILE --slug SLUG --name NAME
            """;

    private TenantCommands() {
    }

    static int run(Settings settings, List<String> args, PrintStream out) throws IOException {
        if (args.isEmpty()) {
            System.err.print(USAGE);
            return 2;
        }
        String verb = args.getFirst();
        Arguments arguments = Arguments.parse(args.subList(1, args.size()));
        String actor = "cli:" + System.getProperty("user.name", "operator");
        try (DatabaseRuntime runtime = DatabaseRuntime.open(settings.database())) {
            Clock clock = Clock.systemUTC();
            CoreServices core = CoreServices.create(runtime.database(), settings, clock, List.of(), List.of(),
                    InvitationSender.NONE, SessionRevocations.NONE);
            TenantServices tenants = TenantServices.create(runtime.database(), core, clock);
            TenantAdministration administration = tenants.administration();
            return switch (verb) {
                case "create" -> {
                    var provisioned = administration.create(new NewTenant(arguments.required("slug"),
                            arguments.required("name"), arguments.required("admin-email"), arguments.named("admin-name"),
                            arguments.named("timezone"), arguments.named("currency")), actor);
                    out.printf("Created tenant %s (%s), empty: no demo data.%n", provisioned.tenant().slug(),
                            provisioned.tenant().name());
                    out.printf("First admin %s sets a password at (one use, until %s):%n  %s%n",
                            provisioned.admin().user().email(), provisioned.admin().expiresAt(), provisioned.admin().link());
                    yield 0;
                }
                case "list" -> {
                    out.printf("%-24s %-32s %-10s %6s %9s  %s%n", "SLUG", "NAME", "STATE", "USERS", "CONTACTS", "CREATED");
                    for (TenantSummary tenant : administration.list()) {
                        out.printf("%-24s %-32s %-10s %6d %9d  %s%n", tenant.slug(), tenant.name(),
                                tenant.suspended() ? "suspended" : "active", tenant.users(), tenant.contacts(),
                                tenant.createdAt());
                    }
                    yield 0;
                }
                case "suspend" -> {
                    Tenant tenant = administration.suspend(arguments.positional(0, "SLUG"), actor);
                    out.printf("Suspended %s: nobody of it signs in and its tokens and keys stop working; its data stays."
                            + " Undo with: tenant resume %s%n", tenant.slug(), tenant.slug());
                    yield 0;
                }
                case "resume" -> {
                    Tenant tenant = administration.resume(arguments.positional(0, "SLUG"), actor);
                    out.printf("Resumed %s.%n", tenant.slug());
                    yield 0;
                }
                case "delete" -> {
                    String slug = arguments.positional(0, "SLUG");
                    if (arguments.named("confirm") == null) {
                        TenantSummary tenant = administration.list().stream().filter(t -> t.slug().equals(slug))
                                .findFirst().orElseThrow(() -> new OperatorException("no tenant " + slug));
                        out.printf("This deletes %s (%s) with its %d users, %d contacts and every other record, its"
                                        + " vectors and its scheduled jobs, for good.%nExport it first if it may be needed:"
                                        + " tenant export %s --output FILE%nTo delete, run: tenant delete %s --confirm %s%n",
                                tenant.slug(), tenant.name(), tenant.users(), tenant.contacts(), slug, slug, slug);
                        yield 2;
                    }
                    var deleted = administration.delete(slug, arguments.named("confirm"), actor);
                    out.printf("Deleted %s: %d rows in %d tables, its vector partition and its scheduled jobs.%n",
                            deleted.tenant().slug(), deleted.rows().values().stream().mapToLong(Long::longValue).sum(),
                            deleted.rows().size());
                    yield 0;
                }
                case "export" -> {
                    Tenant tenant = administration.find(arguments.positional(0, "SLUG"));
                    Path output = Path.of(arguments.required("output"));
                    TenantArchive.Manifest manifest;
                    try (OutputStream file = Files.newOutputStream(output)) {
                        manifest = tenants.export().write(tenant.tenantId(), file, progress(out));
                    }
                    administration.recordTransfer(tenant, "export", actor, manifest);
                    out.printf("Exported %s to %s: %d tables, checksum %s%n", tenant.slug(), output,
                            manifest.tables().size(), manifest.checksum());
                    yield 0;
                }
                case "import" -> {
                    Path archive = Path.of(arguments.positional(0, "FILE"));
                    var imported = administration.createFromArchive(new NewTenant(arguments.required("slug"),
                                    arguments.required("name"), null, null, null, null), archive, tenants.imports(), actor,
                            progress(out));
                    out.printf("Imported into the new tenant %s. Its admins set their passwords at (one use each):%n",
                            imported.tenant().slug());
                    imported.adminLinks().forEach(invitation -> out.printf("  %s  %s%n", invitation.user().email(),
                            invitation.link()));
                    yield 0;
                }
                default -> {
                    System.err.print("unknown tenant command '" + verb + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (CrmException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            e.fieldErrors().forEach((field, problem) -> message.append("\n  ").append(field).append(": ").append(problem));
            throw new OperatorException(message.toString());
        }
    }

    private static Consumer<TransferProgress> progress(PrintStream out) {
        return progress -> out.printf("  %3d/%d %-28s %8d rows%n", progress.tableNumber(), progress.tables(),
                progress.table(), progress.rows());
    }

    /** {@code --name value} options and positional words. */
    private record Arguments(Map<String, String> named, List<String> positional) {
        static Arguments parse(List<String> args) {
            Map<String, String> named = new HashMap<>();
            List<String> positional = new java.util.ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.size()) throw new OperatorException(arg + " needs a value\n" + USAGE);
                    named.put(arg.substring(2), args.get(++i));
                } else {
                    positional.add(arg);
                }
            }
            return new Arguments(named, positional);
        }

        String named(String name) {
            return named.get(name);
        }

        String required(String name) {
            String value = named.get(name);
            if (value == null) throw new OperatorException("--" + name + " is required\n" + USAGE);
            return value;
        }

        String positional(int index, String what) {
            if (positional.size() <= index) throw new OperatorException(what + " is required\n" + USAGE);
            return positional.get(index);
        }
    }
}
