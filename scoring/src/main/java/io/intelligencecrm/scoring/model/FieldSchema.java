package io.intelligencecrm.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns a lead's fields into categorical values the evidence tables count: lifecycle source,
 * seniority and title, company, free-mail versus business email, country, and every custom
 * attribute. Numeric attributes are cut into bins at the quantiles of the training leads, so
 * "employees 250-1,000" is a value like any other. Values the tenant declared as meaning "missing"
 * ("Select", "N/A") count as empty. Fields that are missing for exactly the same training leads
 * (two columns of one web form that was never filled in) say one thing, not two: the first of them
 * carries it and the others stay silent when all are missing. Learned from training leads, then fixed.
 *
 * @param numericEdges  custom attribute name to its bin edges (ascending)
 * @param customFields  the custom attributes used, most common first
 * @param missingTokens lower-case values that mean "missing"
 * @param mergedInto    field to the field that speaks for it when both are missing
 * @param labels        custom attribute name to the column label it was imported under
 * @param dropped       fields left out, and why
 */
public record FieldSchema(List<String> customFields, Map<String, double[]> numericEdges, Set<String> missingTokens,
                          Map<String, String> mergedInto, Map<String, String> labels, List<DroppedFeature> dropped) {
    public static final String NONE = "(none)";
    static final String CUSTOM_PREFIX = "custom.";
    private static final int MAX_CUSTOM_FIELDS = 100;
    private static final int BINS = 5;
    /** An attribute distinct for almost every lead (an id, a free-text comment) says nothing about others. */
    private static final double MAX_DISTINCT_SHARE = 0.5;
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
            "outlook.com", "live.com", "aol.com", "icloud.com", "me.com", "gmx.de", "gmx.net", "web.de",
            "proton.me", "protonmail.com", "mail.com", "yandex.ru", "qq.com", "163.com", "hotmail.co.uk",
            "yahoo.co.uk", "orange.fr", "free.fr", "libero.it", "t-online.de", "zoho.com");

    /** Checked in order: "Head of Sales Operations Manager" is a director. */
    private static final Map<Pattern, String> SENIORITY = new LinkedHashMap<>();

    static {
        SENIORITY.put(words("ceo|cto|cfo|coo|cmo|cio|cro|chief|founder|co-?founder|owner|president|partner"), "executive");
        SENIORITY.put(words("vp|vice|svp|evp"), "vice president");
        SENIORITY.put(words("director|head"), "director");
        SENIORITY.put(words("manager|lead|principal"), "manager");
        SENIORITY.put(words("intern|student|assistant|trainee"), "junior");
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?i)(?<![a-z])(?:" + alternatives + ")(?![a-z])");
    }

    public static final List<String> BUILT_IN = List.of("source", "seniority", "title", "company", "email", "country");

    public FieldSchema {
        missingTokens = missingTokens == null ? Set.of() : Set.copyOf(missingTokens);
        mergedInto = mergedInto == null ? Map.of() : Map.copyOf(mergedInto);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }

    /**
     * @param missingTokens values meaning "missing", any case
     * @param labels        custom attribute name to its original column label
     */
    public static FieldSchema learn(List<LeadFacts> training, Set<String> missingTokens, Map<String, String> labels) {
        Set<String> tokens = new HashSet<>();
        missingTokens.forEach(token -> tokens.add(token.strip().toLowerCase(Locale.ROOT)));
        Map<String, Integer> present = new HashMap<>();
        Map<String, Set<String>> distinct = new HashMap<>();
        Map<String, List<Double>> numbers = new HashMap<>();
        Map<String, Integer> numeric = new HashMap<>();
        for (LeadFacts lead : training) {
            lead.custom().forEach((key, value) -> {
                if (value == null || value instanceof Map || value instanceof List || isMissing(value, tokens)) return;
                present.merge(key, 1, Integer::sum);
                distinct.computeIfAbsent(key, k -> new HashSet<>()).add(String.valueOf(value).toLowerCase(Locale.ROOT));
                Double number = number(value);
                if (number != null) {
                    numeric.merge(key, 1, Integer::sum);
                    numbers.computeIfAbsent(key, k -> new ArrayList<>()).add(number);
                }
            });
        }
        List<String> fields = new ArrayList<>();
        Map<String, double[]> edges = new TreeMap<>();
        List<DroppedFeature> dropped = new ArrayList<>();
        present.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> {
                    String key = entry.getKey();
                    String field = CUSTOM_PREFIX + key;
                    String label = labelOf(field, labels);
                    if (entry.getValue() < 2) {
                        dropped.add(new DroppedFeature(field, label, "filled in for fewer than 2 closed leads"));
                        return;
                    }
                    if (fields.size() >= MAX_CUSTOM_FIELDS) {
                        dropped.add(new DroppedFeature(field, label, "more than " + MAX_CUSTOM_FIELDS
                                + " attributes: the least filled in are left out"));
                        return;
                    }
                    boolean isNumeric = numeric.getOrDefault(key, 0) >= 0.9 * entry.getValue()
                            && distinct.get(key).size() > BINS;
                    if (isNumeric) {
                        edges.put(key, quantiles(numbers.get(key)));
                    } else if (distinct.get(key).size() < 2) {
                        dropped.add(new DroppedFeature(field, label, "the same value for every closed lead that has it"));
                        return;
                    } else if (distinct.get(key).size() > MAX_DISTINCT_SHARE * entry.getValue()) {
                        dropped.add(new DroppedFeature(field, label,
                                "a different value for almost every lead (an id or free text), so it says nothing about others"));
                        return;
                    }
                    fields.add(key);
                });
        FieldSchema unmerged = new FieldSchema(List.copyOf(fields), edges, tokens, Map.of(), labels, List.of());
        Map<String, String> merged = coMissing(unmerged, training);
        merged.forEach((field, speaker) -> dropped.add(new DroppedFeature(field, labelOf(field, labels) + " (when not given)",
                "missing for exactly the same closed leads as " + labelOf(speaker, labels)
                        + ", so that absence is explained once, under " + labelOf(speaker, labels))));
        return new FieldSchema(List.copyOf(fields), edges, tokens, merged, labels, dropped);
    }

    /** Fields whose missing values fall on exactly the same training leads, each to the first of its group. */
    private static Map<String, String> coMissing(FieldSchema schema, List<LeadFacts> training) {
        List<String> names = schema.fieldNames();
        Map<String, BitSet> missing = new LinkedHashMap<>();
        names.forEach(name -> missing.put(name, new BitSet(training.size())));
        for (int i = 0; i < training.size(); i++) {
            Map<String, String> values = schema.values(training.get(i));
            for (String name : names) if (NONE.equals(values.get(name))) missing.get(name).set(i);
        }
        Map<BitSet, String> speakers = new HashMap<>();
        Map<String, String> merged = new LinkedHashMap<>();
        missing.forEach((name, set) -> {
            if (set.isEmpty() || set.cardinality() == training.size()) return;
            String speaker = speakers.putIfAbsent(set, name);
            if (speaker != null) merged.put(name, speaker);
        });
        return merged;
    }

    /** Every field this schema reads, built-in first. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(BUILT_IN);
        customFields.forEach(key -> names.add(CUSTOM_PREFIX + key));
        return names;
    }

    /**
     * The lead's value of every field, {@link #NONE} when empty; null for a field whose absence
     * another field of its group already speaks for.
     */
    public Map<String, String> values(LeadFacts lead) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source", text(lead.source()));
        values.put("seniority", isMissing(lead.title(), missingTokens) ? NONE : seniority(lead.title()));
        values.put("title", text(lead.title()));
        values.put("company", text(lead.company()));
        values.put("email", emailKind(lead.email()));
        values.put("country", text(lead.country()));
        for (String key : customFields) {
            Object value = lead.custom().get(key);
            double[] bins = numericEdges.get(key);
            values.put(CUSTOM_PREFIX + key, bins == null ? text(value == null ? null : String.valueOf(value))
                    : isMissing(value, missingTokens) ? NONE : bin(number(value), bins));
        }
        mergedInto.forEach((field, speaker) -> {
            if (NONE.equals(values.get(field)) && NONE.equals(values.get(speaker))) values.put(field, null);
        });
        return values;
    }

    /** The fields a field speaks for when all of them are missing, itself first. */
    public List<String> group(String field) {
        List<String> group = new ArrayList<>(List.of(field));
        for (String member : fieldNames()) if (field.equals(mergedInto.get(member))) group.add(member);
        return group;
    }

    /** How a field reads in an explanation: its column label for an imported attribute. */
    public String label(String field) {
        return labelOf(field, labels);
    }

    static String labelOf(String field, Map<String, String> labels) {
        return switch (field) {
            case "source" -> "lead source";
            case "email" -> "email address";
            case "title" -> "job title";
            default -> {
                if (!field.startsWith(CUSTOM_PREFIX)) yield field;
                String name = field.substring(CUSTOM_PREFIX.length());
                yield labels.getOrDefault(name, name.replace('_', ' '));
            }
        };
    }

    private static boolean isMissing(Object value, Set<String> tokens) {
        if (value == null) return true;
        String text = String.valueOf(value).strip();
        return text.isEmpty() || tokens.contains(text.toLowerCase(Locale.ROOT));
    }

    static String seniority(String title) {
        if (title == null || title.isBlank()) return NONE;
        for (Map.Entry<Pattern, String> level : SENIORITY.entrySet()) {
            if (level.getKey().matcher(title).find()) return level.getValue();
        }
        return "individual contributor";
    }

    static String emailKind(String email) {
        if (email == null || !email.contains("@")) return NONE;
        return FREE_MAIL.contains(email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT)) ? "free mail"
                : "business domain";
    }

    private String text(String value) {
        return isMissing(value, missingTokens) ? NONE : value.strip().toLowerCase(Locale.ROOT);
    }

    private static Double number(Object value) {
        if (value instanceof Number number) return number.doubleValue();
        if (value instanceof String text && text.strip().matches("-?\\d+(\\.\\d+)?")) return Double.parseDouble(text.strip());
        return null;
    }

    private static double[] quantiles(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] edges = new double[BINS - 1];
        for (int i = 1; i < BINS; i++) edges[i - 1] = sorted[(int) ((long) sorted.length * i / BINS)];
        return Arrays.stream(edges).distinct().toArray();
    }

    private static String bin(Double value, double[] edges) {
        if (value == null) return NONE;
        int bin = 0;
        while (bin < edges.length && value >= edges[bin]) bin++;
        String low = bin == 0 ? "below " : format(edges[bin - 1]);
        String high = bin == edges.length ? " and above" : (bin == 0 ? "" : " to under ") + format(edges[bin]);
        return low + high;
    }

    /** Bin edges repeat for every lead: formatting each once keeps encoding thousands of leads cheap. */
    private static final Map<Double, String> FORMATTED = new ConcurrentHashMap<>();

    private static String format(double value) {
        return FORMATTED.computeIfAbsent(value, edge -> edge == Math.rint(edge)
                ? String.format(Locale.ROOT, "%,d", edge.longValue()) : String.format(Locale.ROOT, "%,.2f", edge));
    }
}
