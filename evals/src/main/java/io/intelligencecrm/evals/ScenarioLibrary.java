package io.intelligencecrm.evals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads scenarios: every {@code *.json} in a folder, or in {@code scenarios/} on the classpath. */
public final class ScenarioLibrary {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ScenarioLibrary() {
    }

    public static List<Scenario> bundled() {
        URL folder = ScenarioLibrary.class.getClassLoader().getResource("scenarios");
        if (folder == null) throw new IllegalStateException("no scenarios/ folder on the classpath");
        try {
            URI uri = folder.toURI();
            if (!"jar".equals(uri.getScheme())) return from(Path.of(uri));
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return from(jar.getPath("scenarios"));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("could not list the bundled scenarios: " + e.getMessage(), e);
        }
    }

    public static List<Scenario> from(Path folder) {
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                scenarios.addAll(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long distinct = scenarios.stream().map(Scenario::id).distinct().count();
        if (distinct != scenarios.size()) throw new IllegalStateException("scenario ids must be unique in " + folder);
        return scenarios;
    }

    /** A file holds one scenario object or an array of them. */
    private static List<Scenario> read(Path file) throws IOException {
        try {
            var tree = MAPPER.readTree(Files.readString(file));
            if (tree.isArray()) return List.of(MAPPER.treeToValue(tree, Scenario[].class));
            return List.of(MAPPER.treeToValue(tree, Scenario.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("bad scenario file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
