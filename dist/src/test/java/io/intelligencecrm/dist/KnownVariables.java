package io.intelligencecrm.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Environment variables named in deployment files must be ones the configuration page documents. */
final class KnownVariables {
    private static final Path CONFIGURATION = Path.of("..", "docs", "operating", "configuration.md");

    private KnownVariables() {
    }

    static void assertKnown(Collection<String> names) throws IOException {
        String documented = Files.readString(CONFIGURATION);
        for (String name : names) {
            if (!name.startsWith("CRM_")) continue;
            assertTrue(documented.contains("`" + name + "`"), name + " is not documented in " + CONFIGURATION);
        }
    }
}
