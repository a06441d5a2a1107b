package io.intelligencecrm.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the npm tools of {@code test-tools/} (installed from its lockfile by {@code scripts/install.sh --tests})
 * with the machine's Node. Nothing is fetched here: a missing install fails the test with the command that fixes it.
 */
public final class NodeTools {
    private static final Path ROOT = findRoot();

    private NodeTools() {
    }

    /** What a tool printed (stdout and stderr together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path testTools() {
        return ROOT.resolve("test-tools");
    }

    /** An installed tool's command, e.g. {@code bin("redocly")}. */
    public static Path bin(String name) {
        Path bin = testTools().resolve("node_modules/.bin").resolve(name);
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("test-tools are not installed (" + bin + " is missing): run "
                    + "scripts/install.sh --tests, or ./crm test, which runs it");
        }
        return bin;
    }

    /** Runs {@code command} in {@code test-tools/} with the given extra environment, killed after the timeout. */
    public static Run run(List<String> command, Map<String, String> environment, Duration timeout) {
        bin("tsc");
        ProcessBuilder builder = new ProcessBuilder(command).directory(testTools().toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        // Tools must not reach the network at test time: no telemetry, no update checks.
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        builder.environment().put("npm_config_offline", "true");
        try {
            // Output goes to a file, so a tool that hangs cannot block the wait below.
            Path log = Files.createTempFile("node-tool", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) process.destroyForcibly().waitFor();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return finished ? new Run(process.exitValue(), output) : new Run(-1, output + "\n[killed after " + timeout + "]");
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    public static List<String> node(String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        return command;
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("test-tools/package.json"))) return dir;
        }
        throw new IllegalStateException("no test-tools/package.json above " + Path.of("").toAbsolutePath());
    }
}
