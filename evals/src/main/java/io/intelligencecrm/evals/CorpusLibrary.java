package io.intelligencecrm.evals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The language corpus: labelled rep messages split into a development part (the offline model is
 * tuned against it) and a test part (measured only, never tuned against), with the record sets the
 * cases plant.
 */
public final class CorpusLibrary {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public enum Part {
        DEV, TEST;

        String file() {
            return "corpus/" + name().toLowerCase() + ".json";
        }
    }

    private CorpusLibrary() {
    }

    public static List<CorpusCase> cases(Part part) {
        return read(part.file(), new TypeReference<List<CorpusCase>>() {
        });
    }

    public static List<CorpusCase> all() {
        List<CorpusCase> all = new ArrayList<>(cases(Part.DEV));
        all.addAll(cases(Part.TEST));
        return all;
    }

    /** Fixture name to the SQL that plants it in the demo tenant. */
    public static Map<String, List<String>> fixtures() {
        return read("corpus/fixtures.json", new TypeReference<Map<String, List<String>>>() {
        });
    }

    /** The SQL a case runs before its first turn: its fixtures', then its own. */
    static List<String> setup(CorpusCase corpusCase, Map<String, List<String>> fixtures) {
        List<String> sql = new ArrayList<>();
        for (String name : corpusCase.fixtures()) {
            List<String> fixture = fixtures.get(name);
            if (fixture == null) throw new IllegalStateException("corpus case " + corpusCase.id() + ": no fixture " + name);
            sql.addAll(fixture);
        }
        sql.addAll(corpusCase.setup());
        return sql;
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = CorpusLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the evals module");
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("bad corpus file " + resource + ": " + e.getMessage(), e);
        }
    }
}
