package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one row of a listed table whose text shares the most words with what the user said ("the call to Ben" task). */
final class RowMatch {
    private RowMatch() {
    }

    /** The id of the best row, or null when no row shares a word or two rows tie. */
    static String best(String table, String words) {
        JsonNode node = OfflineReplies.parse(table);
        List<String> ids = node == null ? null : OfflineReplies.idColumn(node);
        if (ids == null || ids.isEmpty()) return null;
        Set<String> said = words(words);
        String best = null;
        int bestScore = 0;
        boolean tie = false;
        int row = 0;
        for (JsonNode cells : node.get("rows")) {
            StringBuilder text = new StringBuilder();
            cells.forEach(cell -> text.append(' ').append(cell.asText()));
            Set<String> rowWords = words(text.toString());
            int score = (int) said.stream().filter(rowWords::contains).count();
            if (score > bestScore) {
                best = ids.get(row);
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
            row++;
        }
        return tie ? null : best;
    }

    private static Set<String> words(String text) {
        return Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")).filter(word -> word.length() > 2)
                .collect(Collectors.toSet());
    }
}
