package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.secret.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key files in CRM_DATA_DIR: generated once, rotated with the old key kept accepted, and not lost when configured keys replace them. */
class KeyFilesTest {
    @Test
    void rotate_keys_makes_a_new_active_key_and_keeps_the_old_one_accepted() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-keys-");
        Settings settings = Settings.from(Map.of("CRM_DATA_DIR", dataDir.toString()));
        KeyRing before = SecretsKey.load(settings.secrets(), dataDir);
        String sealed = new SecretBox(before).seal("imap-password");

        KeyFile.rotate(dataDir.resolve(KeyFile.SECRETS));
        KeyRing after = SecretsKey.load(settings.secrets(), dataDir);
        assertFalse(Arrays.equals(before.legacySecrets().getFirst(), after.legacySecrets().getFirst()), "a new active key");
        assertArrayEquals(before.legacySecrets().getFirst(), after.legacySecrets().get(1), "the old one is accepted");
        assertEquals("imap-password", new SecretBox(after).open(sealed));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(KeyFile.SECRETS + KeyFile.ACCEPTED_SUFFIX))));
    }

    @Test
    void a_configured_key_replacing_the_generated_file_keeps_the_file_key_accepted() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-keys-");
        KeyRing generated = SecretsKey.load(Settings.from(Map.of("CRM_DATA_DIR", dataDir.toString())).secrets(), dataDir);
        String sealed = new SecretBox(generated).seal("slack-token");
        byte[] configured = new byte[32];
        Arrays.fill(configured, (byte) 5);
        Settings withKey = Settings.from(Map.of("CRM_DATA_DIR", dataDir.toString(),
                "CRM_SECRETS_KEY", Base64.getEncoder().encodeToString(configured)));
        KeyRing ring = SecretsKey.load(withKey.secrets(), dataDir);
        assertArrayEquals(configured, ring.legacySecrets().getFirst());
        assertEquals("slack-token", new SecretBox(ring).open(sealed));
    }
}
