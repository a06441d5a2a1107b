package io.intelligencecrm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml against the Compose Specification's schema, and what the product needs of it. */
class ComposeFileTest {
    private static final Path FOLDER = Path.of("..", "deploy", "compose");

    @Test
    void the_compose_file_is_valid_and_starts_the_app_after_a_healthy_pgvector() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(FOLDER.resolve("compose.yaml").toFile());
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/compose-schema/compose-spec.json.gz"))) {
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            // Its $id is a bare file name, which the validator refuses as a base URI; nothing refers to it.
            schema.remove("$id");
            List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(schema).validate(compose);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        JsonNode postgres = compose.at("/services/postgres");
        assertTrue(postgres.path("image").asText().startsWith("pgvector/pgvector:"), "PostgreSQL with pgvector");
        JsonNode crm = compose.at("/services/crm");
        assertEquals("service_healthy", crm.at("/depends_on/postgres/condition").asText());
        assertTrue(crm.at("/healthcheck/test").toString().contains("health"), "the app has a health check");
        assertTrue(postgres.has("healthcheck"));
        List<String> names = new ArrayList<>();
        crm.path("environment").fieldNames().forEachRemaining(names::add);
        KnownVariables.assertKnown(names);
        String init = Files.readString(FOLDER.resolve("postgres-init.sh"));
        assertTrue(init.contains("create extension if not exists vector") && init.contains("nobypassrls"), init);
    }
}
