package io.intelligencecrm.agent.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses a branch without a language model, from the record's fields (never from free text, so an
 * address such as {@code eve@customer.example} is no evidence for a branch named "customer"):
 * <ul>
 *   <li>a branch named like a field's whole value ({@code lead} when {@code lifecycleStage} is "lead"), with
 *       more weight when the question names that field;</li>
 *   <li>yes/no branches for a question that names a numeric field and a comparison ("score above 80") or a
 *       true/false field ("is active").</li>
 * </ul>
 * When no evidence, or equal evidence for two branches, decides, the choice is unclear.
 */
public final class OfflineBranchClassifier implements BranchDecider {
    /** Fields that identify or time-stamp a record: they never describe which kind of record it is. */
    private static final Set<String> IGNORED = Set.of("id", "email", "phone", "website", "createdAt", "updatedAt",
            "deletedAt", "mergedInto", "scoreCalculatedAt", "firstName", "lastName", "fullName", "name", "title");
    private static final Pattern COMPARISON = Pattern.compile(
            "(above|over|more than|greater than|higher than|at least|below|under|less than|lower than|at most)"
                    + "\\s+(-?\\d+(?:\\.\\d+)?)");
    private static final Set<String> YES = Set.of("yes", "true", "y");
    private static final Set<String> NO = Set.of("no", "false", "n");

    @Override
    public BranchChoice decide(String question, Map<String, Object> record, List<String> branches) {
        Set<String> asked = words(question);
        Map<String, Object> fields = flatten(record);
        BranchChoice yesNo = yesNo(question, asked, fields, branches);
        if (yesNo != null) return yesNo;

        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        for (String branch : branches) {
            Set<String> label = words(branch);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!(field.getValue() instanceof String value) || !categorical(value)) continue;
                int score = words(value).equals(label) ? 3 : words(value).containsAll(label) ? 1 : 0;
                if (score == 0) continue;
                if (asked.stream().anyMatch(words(field.getKey())::contains)) score *= 2;
                if (score > scores.getOrDefault(branch, 0)) {
                    scores.put(branch, score);
                    evidence.put(branch, field.getKey() + " is '" + value + "'");
                }
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        if (ranked.isEmpty()) {
            return BranchChoice.unclear("no field of the record names one of the branches " + branches);
        }
        if (ranked.size() > 1 && ranked.get(0).getValue().equals(ranked.get(1).getValue())) {
            return BranchChoice.unclear("the record fits '" + ranked.get(0).getKey() + "' and '" + ranked.get(1).getKey()
                    + "' equally (" + evidence.get(ranked.get(0).getKey()) + "; " + evidence.get(ranked.get(1).getKey())
                    + ")");
        }
        String branch = ranked.getFirst().getKey();
        return new BranchChoice(branch, evidence.get(branch) + ", which names the branch '" + branch + "'");
    }

    /** Yes/no branches answered by a comparison with a numeric field, or by a true/false field, the question names. */
    private static BranchChoice yesNo(String question, Set<String> asked, Map<String, Object> fields,
                                      List<String> branches) {
        String yes = branches.stream().filter(b -> YES.contains(b.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        String no = branches.stream().filter(b -> NO.contains(b.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        if (yes == null || no == null) return null;
        Matcher comparison = COMPARISON.matcher(question.toLowerCase(Locale.ROOT));
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (asked.stream().noneMatch(words(field.getKey())::contains)) continue;
            if (field.getValue() instanceof Boolean flag) {
                return new BranchChoice(flag ? yes : no, field.getKey() + " is " + flag);
            }
            BigDecimal number = number(field.getValue());
            if (number != null && comparison.find(0)) {
                BigDecimal limit = new BigDecimal(comparison.group(2));
                boolean holds = holds(comparison.group(1), number.compareTo(limit));
                return new BranchChoice(holds ? yes : no, field.getKey() + " is " + number.toPlainString() + ", "
                        + (holds ? "" : "not ") + comparison.group(1) + " " + limit.toPlainString());
            }
        }
        return null;
    }

    private static boolean holds(String comparison, int order) {
        return switch (comparison) {
            case "above", "over", "more than", "greater than", "higher than" -> order > 0;
            case "at least" -> order >= 0;
            case "below", "under", "less than", "lower than" -> order < 0;
            default -> order <= 0;
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number number) return new BigDecimal(number.toString());
        return null;
    }

    /** A value that names a kind of thing: short text without an address, a link or an id in it. */
    private static boolean categorical(String value) {
        return !value.isBlank() && value.length() <= 60 && !value.contains("@") && !value.contains("://")
                && !value.matches(".*\\d{4,}.*");
    }

    /** The record's fields by name (custom attributes as custom.name), without those that never classify. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        record.forEach((name, value) -> {
            if (IGNORED.contains(name) || name.endsWith("Id")) return;
            if (value instanceof Map<?, ?> nested) {
                ((Map<String, Object>) nested).forEach((key, inner) -> {
                    if (!(inner instanceof Map<?, ?>)) fields.put(name + "." + key, inner);
                });
            } else if (value != null) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    /** Lower-case words of a label, a field name or a text: camelCase, snake_case and kebab-case split. */
    static Set<String> words(String text) {
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return new HashSet<>(Arrays.stream(spaced.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList());
    }
}
