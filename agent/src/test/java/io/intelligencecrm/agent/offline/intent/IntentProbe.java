package io.intelligencecrm.agent.offline.intent;

import io.intelligencecrm.agent.offline.language.TextScan;
import io.intelligencecrm.knowledge.embedding.EmbeddingModels;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/** Dev probe: classifies each line of stdin. */
public final class IntentProbe {
    public static void main(String[] args) throws Exception {
        IntentClassifier classifier = new IntentClassifier(EmbeddingModels.inProcess());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            String masked = Masking.mask(line, TextScan.contactInfo(line));
            long started = System.nanoTime();
            Classification c = classifier.classify(masked);
            double ms = (System.nanoTime() - started) / 1e6;
            System.out.printf("%5.1fms %-16s %.3f | %-16s %.3f | %s%n", ms, c.top().intent().key(), c.top().score(),
                    c.second().intent().key(), c.second().score(), line);
        }
    }
}
