package io.intelligencecrm.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a lead's fields into categorical values the evidence tables count: lifecycle source,
 * seniority and title, company, free-mail versus business email, country, and every custom
 * attribute. Numeric attributes are cut into bins at the quantiles of the training leads, so
 * "employees 250-1,000" is a value like any other. Learned from training leads, then fixed.
 *
 * @param numericEdges  custom attribute name to its bin edges (ascending)
 * @param customFields  the custom attributes used, most common first
 */
public record FieldSchema(List<String> customFields, Map<String, double[]> numericEdges) {
    public static final String NONE = "(none)";
    static final String CUSTOM_PREFIX = "custom.";
    private static final int MAX_CUSTOM_FIELDS = 40;
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

    public static FieldSchema learn(List<LeadFacts> training) {
        Map<String, Integer> present = new HashMap<>();
        Map<String, Set<String>> distinct = new HashMap<>();
        Map<String, List<Double>> numbers = new HashMap<>();
        Map<String, Integer> numeric = new HashMap<>();
        for (LeadFacts lead : training) {
            lead.custom().forEach((key, value) -> {
                if (value == null || value instanceof Map || value instanceof List) return;
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
        present.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> {
                    if (fields.size() >= MAX_CUSTOM_FIELDS || entry.getValue() < 2) return;
                    String key = entry.getKey();
                    boolean isNumeric = numeric.getOrDefault(key, 0) >= 0.9 * entry.getValue()
                            && distinct.get(key).size() > BINS;
                    if (isNumeric) {
                        edges.put(key, quantiles(numbers.get(key)));
                    } else if (distinct.get(key).size() > MAX_DISTINCT_SHARE * entry.getValue()
                            || distinct.get(key).size() < 2) {
                        return;
                    }
                    fields.add(key);
                });
        return new FieldSchema(List.copyOf(fields), edges);
    }

    /** Every field this schema reads, built-in first. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(BUILT_IN);
        customFields.forEach(key -> names.add(CUSTOM_PREFIX + key));
        return names;
    }

    /** The lead's value of every field, {@link #NONE} when empty. */
    public Map<String, String> values(LeadFacts lead) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source", text(lead.source()));
        values.put("seniority", seniority(lead.title()));
        values.put("title", text(lead.title()));
        values.put("company", text(lead.company()));
        values.put("email", emailKind(lead.email()));
        values.put("country", text(lead.country()));
        for (String key : customFields) {
            Object value = lead.custom().get(key);
            double[] bins = numericEdges.get(key);
            values.put(CUSTOM_PREFIX + key, bins == null ? text(value == null ? null : String.valueOf(value))
                    : bin(number(value), bins));
        }
        return values;
    }

    /** How a field reads in an explanation. */
    public static String label(String field) {
        return switch (field) {
            case "source" -> "lead source";
            case "email" -> "email address";
            default -> field.startsWith(CUSTOM_PREFIX) ? field.substring(CUSTOM_PREFIX.length()) : field;
        };
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

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value.strip().toLowerCase(Locale.ROOT);
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

    private static String format(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}
