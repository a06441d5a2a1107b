package io.intelligencecrm.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JacksonStdImpl;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.intelligencecrm.core.db.StoredEnum;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** The one JSON configuration used for storage and for the API. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory()
            // Requests run on virtual threads, a new one each time: the default pool keeps buffers per thread,
            // so every request would allocate its own. This pool shares them.
            .setRecyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()))
            .registerModule(new JavaTimeModule())
            // Record accessors and constructors through generated lambdas instead of reflection on every call.
            .registerModule(new BlackbirdModule())
            .registerModule(new SimpleModule("crm").addSerializer(StoredEnum.class, new StoredEnumSerializer())
                    .addSerializer(Instant.class, new InstantSerializer()).addSerializer(UUID.class, new UuidSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /*
     * The serializers below are marked as standard implementations because Blackbird falls back to
     * reflection (Method.invoke per field and row) for any property whose serializer is not one:
     * a list page's ids, timestamps and stages were all read that way.
     */

    /** ISO-8601 in UTC, as JavaTimeModule writes it, through a faster formatter. */
    @JacksonStdImpl
    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            InstantText.write(value, generator);
        }
    }

    /** Enums travel as the same lower-case words the database and the API documentation use. */
    @JacksonStdImpl
    private static final class StoredEnumSerializer extends JsonSerializer<StoredEnum> {
        @Override
        public void serialize(StoredEnum value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.stored());
        }
    }

    /** The canonical text form, as Jackson's own UUID serializer writes to JSON. */
    @JacksonStdImpl
    private static final class UuidSerializer extends JsonSerializer<UUID> {
        @Override
        public void serialize(UUID value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }
}
