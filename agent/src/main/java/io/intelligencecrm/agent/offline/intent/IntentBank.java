package io.intelligencecrm.agent.offline.intent;

import io.intelligencecrm.agent.offline.language.TextScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The example messages per intent, read from {@code offline/intents.txt}: a {@code [intent_key]} line
 * starts an intent's examples, one message per line after it; {@code #} starts a comment. Names and
 * addresses in examples are written as placeholders ({@code {contact}}, {@code {company}}, ...) and
 * filled the way a message's own records are masked, so examples and messages compare alike.
 */
public record IntentBank(List<Example> examples) {
    static final String RESOURCE = "/offline/intents.txt";

    public record Example(Intent intent, String text) {
    }

    public IntentBank {
        examples = List.copyOf(examples);
    }

    public static IntentBank bundled() {
        try (InputStream in = IntentBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the agent module");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IntentBank parse(String text) {
        List<Example> examples = new ArrayList<>();
        Intent current = null;
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                current = Intent.ofKey(line.substring(1, line.length() - 1));
                continue;
            }
            if (current == null) throw new IllegalStateException(RESOURCE + " line " + number + ": example before any [intent]");
            String filled = Masking.fillPlaceholders(line);
            examples.add(new Example(current, Masking.mask(filled, TextScan.contactInfo(filled))));
        }
        return new IntentBank(examples);
    }

    /** Every word the examples use, lower case: the everyday words of requests (no names but the stand-ins). */
    public java.util.Set<String> words() {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (Example example : examples) {
            for (String word : example.text().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}'’-]+")) {
                if (!word.isBlank()) words.add(word);
            }
        }
        return words;
    }

    public Map<Intent, Integer> sizes() {
        Map<Intent, Integer> sizes = new EnumMap<>(Intent.class);
        examples.forEach(example -> sizes.merge(example.intent(), 1, Integer::sum));
        return sizes;
    }
}
