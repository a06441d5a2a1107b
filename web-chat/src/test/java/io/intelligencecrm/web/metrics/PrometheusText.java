package io.intelligencecrm.web.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of Prometheus' text exposition format (version 0.0.4), as a scraper reads it:
 * HELP and TYPE lines, samples with escaped label values, special values, and the rules a
 * histogram must keep. Anything malformed throws, naming the line.
 */
public final class PrometheusText {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private final Map<String, Family> families;

    private PrometheusText(Map<String, Family> families) {
        this.families = families;
    }

    public Map<String, Family> families() {
        return families;
    }

    /** Every sample of every family. */
    public List<Sample> samples() {
        return families.values().stream().flatMap(family -> family.samples().stream()).toList();
    }

    /** Samples with this exact sample name (for a histogram: name_bucket, name_count, name_sum). */
    public List<Sample> samples(String sampleName) {
        return samples().stream().filter(sample -> sample.name().equals(sampleName)).toList();
    }

    /** The sum of the samples with this name whose labels include all the given ones. */
    public double sum(String sampleName, Map<String, String> labels) {
        return samples(sampleName).stream()
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    public boolean has(String sampleName) {
        return !samples(sampleName).isEmpty();
    }

    public static PrometheusText parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1];
            if (line.isEmpty()) continue;
            try {
                if (line.startsWith("#")) {
                    comment(line, types, helps);
                } else {
                    Sample sample = sample(line);
                    String family = familyOf(sample.name(), types);
                    if (!types.containsKey(family)) throw new IllegalArgumentException("sample before its TYPE line");
                    families.computeIfAbsent(family, name -> new Family(name, types.get(name), helps.get(name),
                            new ArrayList<>())).samples().add(sample);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + number + " '" + line + "': " + e.getMessage(), e);
            }
        }
        families.values().stream().filter(f -> f.type().equals("histogram")).forEach(PrometheusText::checkHistogram);
        return new PrometheusText(families);
    }

    private static void comment(String line, Map<String, String> types, Map<String, String> helps) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || !(parts[1].equals("TYPE") || parts[1].equals("HELP"))) return;
        String name = parts[2];
        if (!METRIC_NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name " + name);
        if (parts[1].equals("TYPE")) {
            String type = parts.length > 3 ? parts[3].trim() : "";
            if (!TYPES.contains(type)) throw new IllegalArgumentException("unknown type " + type);
            if (types.putIfAbsent(name, type) != null) throw new IllegalArgumentException("second TYPE for " + name);
        } else {
            helps.put(name, parts.length > 3 ? parts[3] : "");
        }
    }

    /** A histogram sample named name_bucket belongs to the family "name". */
    private static String familyOf(String sampleName, Map<String, String> types) {
        if (types.containsKey(sampleName)) return sampleName;
        for (String suffix : List.of("_bucket", "_count", "_sum", "_created")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) return base;
            }
        }
        return sampleName;
    }

    private static Sample sample(String line) {
        int index = 0;
        while (index < line.length() && line.charAt(index) != '{' && line.charAt(index) != ' ') index++;
        String name = line.substring(0, index);
        if (!METRIC_NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name " + name);
        Map<String, String> labels = new LinkedHashMap<>();
        if (index < line.length() && line.charAt(index) == '{') index = labels(line, index + 1, labels);
        if (index >= line.length() || line.charAt(index) != ' ') throw new IllegalArgumentException("no value");
        String[] rest = line.substring(index + 1).trim().split(" ");
        if (rest.length > 2) throw new IllegalArgumentException("extra fields");
        if (rest.length == 2) Long.parseLong(rest[1]);
        return new Sample(name, labels, value(rest[0]));
    }

    /** Reads label pairs after '{'; returns the index after '}'. */
    private static int labels(String line, int index, Map<String, String> labels) {
        while (true) {
            if (line.charAt(index) == '}') return index + 1;
            int equals = line.indexOf('=', index);
            String label = line.substring(index, equals);
            if (!LABEL_NAME.matcher(label).matches()) throw new IllegalArgumentException("bad label name " + label);
            if (line.charAt(equals + 1) != '"') throw new IllegalArgumentException("label value not quoted");
            StringBuilder value = new StringBuilder();
            int i = equals + 2;
            for (; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    switch (escaped) {
                        case '\\' -> value.append('\\');
                        case '"' -> value.append('"');
                        case 'n' -> value.append('\n');
                        default -> throw new IllegalArgumentException("bad escape \\" + escaped);
                    }
                } else {
                    value.append(c);
                }
            }
            if (labels.put(label, value.toString()) != null) throw new IllegalArgumentException("repeated label " + label);
            index = i + 1;
            if (line.charAt(index) == ',') index++;
        }
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Buckets rise with "le", end at +Inf, and the +Inf bucket equals the count, per label set. */
    private static void checkHistogram(Family family) {
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
        for (Sample sample : family.samples()) {
            Map<String, String> series = new LinkedHashMap<>(sample.labels());
            series.remove("le");
            if (sample.name().equals(family.name() + "_bucket")) buckets.computeIfAbsent(series, s -> new ArrayList<>()).add(sample);
            if (sample.name().equals(family.name() + "_count")) counts.put(series, sample.value());
        }
        buckets.forEach((series, list) -> {
            double previousBound = Double.NEGATIVE_INFINITY;
            double previousCount = 0;
            for (Sample bucket : list) {
                double bound = value(bucket.label("le"));
                if (bound <= previousBound || bucket.value() < previousCount) {
                    throw new IllegalArgumentException(family.name() + " buckets do not rise for " + series);
                }
                previousBound = bound;
                previousCount = bucket.value();
            }
            if (previousBound != Double.POSITIVE_INFINITY || !counts.containsKey(series)
                    || counts.get(series) != previousCount) {
                throw new IllegalArgumentException(family.name() + " has no +Inf bucket matching its count for " + series);
            }
        });
    }
}
