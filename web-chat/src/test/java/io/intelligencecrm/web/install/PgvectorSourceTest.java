package io.intelligencecrm.web.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install script gets pgvector's source through the machine's own apt: the Debian mirror it is
 * configured with (here a made-up one in a private apt configuration), never a fixed host first, and
 * never with apt's signature checks turned off. Fetching itself needs the network, so it is tried by
 * hand (docs/how-it-works/security.md says how), not here.
 */
class PgvectorSourceTest {
    private static final Path SCRIPTS = Path.of("..", "scripts");

    @Test
    void mirrors_come_from_the_configured_sources_with_debians_redirector_only_as_the_last_resort(@TempDir Path apt)
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")), "needs apt (Debian or Ubuntu)");
        Files.createDirectories(apt.resolve("parts"));
        Files.createDirectories(apt.resolve("lists/partial"));
        Files.createDirectories(apt.resolve("cache"));
        Files.writeString(apt.resolve("sources.list"), """
                deb https://packages.example.test/linux/ubuntu noble stable
                deb http://security.example.test/debian-security bookworm-security main
                deb http://mirror.example.test/debian bookworm main
                deb http://mirror.example.test/debian bookworm-updates main
                """);
        Files.writeString(apt.resolve("apt.conf"), """
                Dir::Etc::SourceList "%1$s/sources.list";
                Dir::Etc::SourceParts "%1$s/parts";
                Dir::State::Lists "%1$s/lists";
                Dir::Cache "%1$s/cache";
                """.formatted(apt));
        assertEquals(List.of("http://mirror.example.test/debian/", "http://deb.debian.org/debian/"),
                mirrors(Map.of("APT_CONFIG", apt.resolve("apt.conf").toString())));
        assertEquals(List.of("http://own.example.test/debian/", "http://mirror.example.test/debian/",
                "http://deb.debian.org/debian/"), mirrors(Map.of("APT_CONFIG", apt.resolve("apt.conf").toString(),
                "CRM_DEBIAN_MIRROR", "http://own.example.test/debian")));
    }

    @Test
    void the_scripts_never_switch_off_apts_signature_checks_or_change_the_systems_sources() throws IOException {
        for (String script : List.of("install.sh", "pgvector-source.sh")) {
            String text = Files.readString(SCRIPTS.resolve(script));
            for (String unsafe : List.of("allow-unauthenticated", "trusted=yes", "AllowInsecureRepositories=true",
                    "AllowUnauthenticated=true", "allow-insecure", "/etc/apt/sources.list")) {
                assertFalse(text.contains(unsafe), script + " contains " + unsafe);
            }
        }
        assertTrue(Files.readString(SCRIPTS.resolve("install.sh")).contains("pgvector-source.sh"));
    }

    private static List<String> mirrors(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPTS.resolve("pgvector-source.sh").toString(), "--mirrors")
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }
}
