package io.intelligencecrm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in deploy/kubernetes, each object validated against the Kubernetes API's
 * own JSON schema (strict: an unknown or misspelt field fails), and held to what the product needs:
 * two replicas, probes on the health endpoints, a non-root user, a disruption budget and autoscaling.
 */
class KubernetesManifestsTest {
    private static final Path FOLDER = Path.of("..", "deploy", "kubernetes");
    private static final String SCHEMAS = "/kubernetes-schemas/v1.31.6-standalone-strict/";
    private static final Map<String, String> SCHEMA_BY_KIND = Map.of(
            "apps/v1 Deployment", "deployment-apps-v1", "v1 Service", "service-v1", "v1 ConfigMap", "configmap-v1",
            "v1 Secret", "secret-v1", "policy/v1 PodDisruptionBudget", "poddisruptionbudget-policy-v1",
            "autoscaling/v2 HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, JsonNode> objects = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) continue;
                for (JsonNode object : YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
                    objects.put(object.path("kind").asText(), object);
                }
            }
        }
    }

    @Test
    void every_object_is_valid_against_the_kubernetes_schema_of_its_kind() throws IOException {
        assertEquals(Set.of("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget",
                "HorizontalPodAutoscaler"), objects.keySet());
        for (JsonNode object : objects.values()) {
            String kind = object.path("apiVersion").asText() + " " + object.path("kind").asText();
            String schemaFile = SCHEMA_BY_KIND.get(kind);
            assertTrue(schemaFile != null, "no schema for " + kind);
            List<Error> errors = schema(schemaFile).validate(object);
            assertTrue(errors.isEmpty(), kind + ": " + errors);
        }
    }

    @Test
    void the_schemas_catch_a_misspelt_field() throws IOException {
        ObjectNode broken = objects.get("Deployment").deepCopy();
        ((ObjectNode) broken.path("spec")).put("replica", 2);
        assertTrue(!schema("deployment-apps-v1").validate(broken).isEmpty(), "strict schemas refuse unknown fields");
    }

    @Test
    void two_stateless_replicas_roll_without_downtime_and_probe_the_health_endpoints() {
        JsonNode deployment = objects.get("Deployment");
        assertEquals(2, deployment.at("/spec/replicas").asInt());
        assertEquals(0, deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt());
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertEquals(1, objects.get("PodDisruptionBudget").at("/spec/minAvailable").asInt());
        assertEquals(2, objects.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt());
        String app = deployment.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText();
        for (String kind : List.of("Service", "PodDisruptionBudget")) {
            JsonNode selector = objects.get(kind).at("/spec/selector");
            JsonNode labels = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
            assertEquals(app, labels.path("app.kubernetes.io/name").asText(), kind + " selects the pods");
        }
    }

    @Test
    void every_variable_the_manifests_set_is_one_the_product_reads() throws IOException {
        List<String> names = new ArrayList<>();
        objects.get("ConfigMap").path("data").fieldNames().forEachRemaining(names::add);
        objects.get("Secret").path("stringData").fieldNames().forEachRemaining(names::add);
        objects.get("Deployment").at("/spec/template/spec/containers/0/env")
                .forEach(variable -> names.add(variable.path("name").asText()));
        KnownVariables.assertKnown(names);
    }

    private static Schema schema(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(KubernetesManifestsTest.class.getResourceAsStream(SCHEMAS + name
                + ".json.gz"))) {
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            // The generator names a meta-schema no validator knows; the keywords are draft 4's.
            schema.remove("$schema");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
        }
    }
}
