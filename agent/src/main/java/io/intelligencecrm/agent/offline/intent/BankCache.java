package io.intelligencecrm.agent.offline.intent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bank's vectors on disk, so a JVM starts without embedding the bank again (seconds of CPU):
 * one file per bank text and model, in the temp folder. A missing, stale or damaged file is only a
 * cache miss; writing one that fails is logged and ignored.
 */
final class BankCache {
    private static final Logger log = LoggerFactory.getLogger(BankCache.class);
    private static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "intelligence-crm");

    private BankCache() {
    }

    static float[][] read(String model, List<String> texts) {
        Path file = file(model, texts);
        if (!Files.isRegularFile(file)) return null;
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            int count = data.readInt();
            int dimension = data.readInt();
            if (count != texts.size() || dimension < 1 || dimension > 8192) return null;
            float[][] vectors = new float[count][dimension];
            for (float[] vector : vectors) {
                for (int i = 0; i < dimension; i++) vector[i] = data.readFloat();
            }
            return vectors;
        } catch (IOException e) {
            return null;
        }
    }

    static void write(String model, List<String> texts, float[][] vectors) {
        Path file = file(model, texts);
        try {
            Files.createDirectories(FOLDER);
            Path partial = Files.createTempFile(FOLDER, "intent-bank", ".part");
            try (OutputStream out = Files.newOutputStream(partial); DataOutputStream data = new DataOutputStream(out)) {
                data.writeInt(vectors.length);
                data.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
                for (float[] vector : vectors) {
                    for (float value : vector) data.writeFloat(value);
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.info("The intent bank's vectors could not be cached on disk ({}); the next start embeds them again",
                    e.toString());
        }
    }

    private static Path file(String model, List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.getBytes(StandardCharsets.UTF_8));
            for (String text : texts) {
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            }
            return FOLDER.resolve("intent-bank-" + HexFormat.of().formatHex(digest.digest(), 0, 16) + ".bin");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
