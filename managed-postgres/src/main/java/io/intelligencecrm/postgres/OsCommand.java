package io.intelligencecrm.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's server tools, as an unprivileged OS user when this process is root,
 * because initdb and pg_ctl refuse to run as root.
 */
final class OsCommand {
    private final String runAsUser;

    private OsCommand(String runAsUser) {
        this.runAsUser = runAsUser;
    }

    static OsCommand forUser(String unprivilegedUser) {
        return new OsCommand(isRoot() ? unprivilegedUser : null);
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** The OS user the tools run as, or null for the current user. */
    String runAsUser() {
        return runAsUser;
    }

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    Result run(long timeoutSeconds, String... command) {
        List<String> full = new ArrayList<>();
        if (runAsUser != null) {
            full.addAll(List.of("runuser", "-u", runAsUser, "--"));
        }
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // Read before waiting: a full pipe would block the child.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out after " + timeoutSeconds + " s)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, "could not run " + full.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    Result require(long timeoutSeconds, String... command) {
        Result result = run(timeoutSeconds, command);
        if (!result.ok()) {
            throw new PostgresStartException(String.join(" ", command) + " failed:\n" + result.output().strip());
        }
        return result;
    }
}
