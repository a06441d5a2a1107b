package io.intelligencecrm.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message asking for several things may be cut: at "; ", a full stop, "and then", "then",
 * "also", or a plain "and" that starts a new command ("add Ben Ortiz from Vela and set up a 3k deal").
 * Only cuts whose second part starts with a command word are offered; whether a cut is taken is
 * decided by reading both parts. A plain "and" inside free text ("discussed pricing and timing") is no cut.
 */
final class Clauses {
    static final int MAX_PARTS = 3;
    private static final Pattern STRONG = Pattern.compile("(?i)\\s*;\\s+|(?<=[\\p{L}\\d)])[.!?]\\s+(?=\\p{L})|,?\\s+and\\s+then\\s+|,\\s*then\\s+"
            + "|\\s+then\\s+(?=(?:please\\s+)?(?:add|create|log|remind|schedule|move|mark|update|change|email|send|draft|set|book|make"
            + "|put|assign|give|delete|remove|note|open|start|bump|push|close|qualify|show|find|tell))|,?\\s+and\\s+also\\s+|,\\s*also\\s+"
            + "|\\s+plus\\s+");
    private static final Pattern WEAK = Pattern.compile("(?i),?\\s+(?:and|&)\\s+|,\\s+");
    private static final Pattern COMMAND = Pattern.compile("(?i)^(?:(?:please|pls|can\\s+you|could\\s+you|also|then|and)\\s+)*"
            + "(?:add|ad|create|new|log|remind|schedule|move|mark|update|change|set|email|e-mail|send|draft|book|make|put|assign|give"
            + "|delete|remove|note|open|start|bump|push|close|qualify|show|find|tell|what|how|who|list|create|follow|ping|reassign"
            + "|hand|transfer|undo|jot|record|write)\\b|^(?:(?:and|also)\\s+)?(?:(?:her|his|their)\\s+(?:title|role|email|e-mail|phone|number"
            + "|company|last\\s+name|surname)|(?:she|he)(?:'s|’s|\\s+is)|(?:she|he|they)\\s+(?:works?|moved|joined))\\b");
    private static final Pattern JOINED = Pattern.compile("(?i)(?:and|also|then|plus|oh\\s+and)\\b");
    /** Free text begins here: a plain "and" after it belongs to the text. */
    private static final Pattern CONTENT = Pattern.compile("(?i):|\\s[-–—]\\s|\\bre:?\\s|\\babout\\b|\\bregarding\\b|\\bsaying\\b|\\bthat\\b");

    record Cut(int start, int end, boolean strong) {
    }

    private Clauses() {
    }

    /** Candidate cuts, in order: strong ones anywhere, weak ones only before any free text starts. */
    static List<Cut> cuts(String text) {
        List<Cut> cuts = new ArrayList<>();
        Matcher strong = STRONG.matcher(text);
        while (strong.find()) {
            String after = text.substring(strong.end());
            // After a full stop, "and ..."/"also ..." starts a new request even when its words are not understood.
            if (strong.start() > 0 && (startsCommand(after) || JOINED.matcher(after).lookingAt())) {
                cuts.add(new Cut(strong.start(), strong.end(), true));
            }
        }
        Matcher weak = WEAK.matcher(text);
        while (weak.find()) {
            int start = weak.start();
            if (start == 0 || cuts.stream().anyMatch(cut -> cut.start() <= start && start < cut.end())) continue;
            if (CONTENT.matcher(text.substring(0, start)).find()) continue;
            if (startsCommand(text.substring(weak.end()))) cuts.add(new Cut(start, weak.end(), false));
        }
        cuts.sort(java.util.Comparator.comparingInt(Cut::start));
        return cuts;
    }

    static boolean startsCommand(String text) {
        return COMMAND.matcher(text.strip()).lookingAt();
    }
}
