package io.intelligencecrm.agent.offline.intent;

import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.TextScan;
import io.intelligencecrm.knowledge.embedding.EmbeddingModels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Dev probe: classifies each line of stdin and prints the values found. */
public final class IntentProbe {
    public static void main(String[] args) throws Exception {
        boolean spans = args.length > 0 && args[0].equals("--spans");
        IntentClassifier classifier = spans ? null : new IntentClassifier(EmbeddingModels.inProcess());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            if (spans) {
                TextScan scan = TextScan.of(line, LocalDate.of(2026, 11, 24), ZoneOffset.UTC);
                System.out.println(line);
                for (Span span : scan.all()) System.out.println("    " + span.kind() + " [" + span.text() + "] " + span.value());
                continue;
            }
            String masked = Masking.mask(line, TextScan.contactInfo(line));
            long started = System.nanoTime();
            Classification c = classifier.classify(masked);
            double ms = (System.nanoTime() - started) / 1e6;
            System.out.printf("%5.1fms %-16s %.3f | %-16s %.3f | %s%n", ms, c.top().intent().key(), c.top().score(),
                    c.second().intent().key(), c.second().score(), line);
        }
    }
}
