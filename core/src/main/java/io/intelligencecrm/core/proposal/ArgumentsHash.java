package io.intelligencecrm.core.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.intelligencecrm.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** SHA-256 over canonical JSON (keys sorted at every depth), so equal arguments always hash equal. */
final class ArgumentsHash {
    private static final ObjectMapper CANONICAL = Json.mapper().copy()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ArgumentsHash() {
    }

    /** The arguments as plain JSON values, exactly as they will read back from storage. */
    static Map<String, Object> normalize(Map<String, Object> arguments) {
        try {
            return CANONICAL.readValue(CANONICAL.writeValueAsString(arguments), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("proposal arguments must be plain JSON values", e);
        }
    }

    static String of(Map<String, Object> arguments) {
        try {
            byte[] json = CANONICAL.writeValueAsString(normalize(arguments)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not hash proposal arguments", e);
        }
    }
}
