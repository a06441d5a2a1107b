package io.intelligencecrm.web.ops;

import io.intelligencecrm.core.config.ConfigurationException;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.DatabaseStartException;
import io.intelligencecrm.postgres.PostgresStartException;
import io.intelligencecrm.web.metrics.BuildInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The commands an operator runs next to the server, configured by the same environment variables:
 * each prints what it did, or one clear reason why it did nothing, and returns the exit status.
 */
public final class OperatorCommands {
    static final String USAGE = """
            usage: intelligence-crm [command]
              serve                       run the server (the default)
              version                     print the version
              backup [--output FILE]      write a backup: database dump and key files (CRM_BACKUP_PASSPHRASE encrypts it)
              restore FILE                restore a backup into an empty database and CRM_DATA_DIR
              reseal                      seal stored secrets again with the current CRM_SECRETS_KEY
              rotate-keys                 new key files in CRM_DATA_DIR, the old ones still accepted
              health [URL]                exit 0 when the server answers ready (container health checks)
              db                          run the managed PostgreSQL cluster on its own (CRM_POSTGRES_PORT), for several nodes
            """;

    private OperatorCommands() {
    }

    /** This node's readiness address; with HTTPS served directly, pass the URL its certificate names instead. */
    private static String localReadiness(Settings settings) {
        String scheme = settings.server().tls().isPresent() ? "https" : "http";
        return scheme + "://127.0.0.1:" + settings.server().port() + "/health/ready";
    }

    public static int run(String command, String[] args) {
        return run(command, List.of(args), Settings::fromEnvironment, System.out);
    }

    /** @param settings read only by commands that need them, so "version" works whatever the configuration */
    public static int run(String command, List<String> args, Supplier<Settings> settings, PrintStream out) {
        try {
            return switch (command) {
                case "version", "--version" -> {
                    out.println(BuildInfo.version());
                    yield 0;
                }
                case "health" -> HealthProbe.check(!args.isEmpty() ? args.getFirst() : localReadiness(settings.get()), out);
                case "backup" -> BackupCommand.run(settings.get(), args, out);
                case "restore" -> RestoreCommand.run(settings.get(), args, out);
                case "reseal" -> KeyCommands.reseal(settings.get(), out);
                case "rotate-keys" -> KeyCommands.rotate(settings.get(), out);
                case "db" -> DatabaseCommand.run(settings.get(), out);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.print("unknown command '" + command + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (ConfigurationException | DatabaseStartException | PostgresStartException | OperatorException e) {
            System.err.println(command + " did nothing: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println(command + " failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
