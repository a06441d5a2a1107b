package io.intelligencecrm.agent.offline;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding things by meaning: "who mentioned budget cuts?", "find contacts similar to Jane Doe",
 * "what do our documents say about refunds?". Checked before the analytics questions, so "who
 * mentioned the pipeline?" searches notes instead of showing the pipeline.
 */
final class KnowledgeCommands {
    private static final Pattern NOTES = Pattern.compile(
            "(?i)^\\s*(?:who\\s+(?:mentioned|talked\\s+about|brought\\s+up|asked\\s+about|said\\s+anything\\s+about|complained\\s+about)"
                    + "|(?:search|find|show(?:\\s+me)?)\\s+(?:the\\s+)?(?:notes|calls|meetings|interactions)\\s+(?:about|mentioning|on|for)"
                    + "|what\\s+(?:did|have)\\s+(?:we|people|customers|contacts)\\s+(?:said|say)\\s+about)\\s+(?<query>.+?)\\s*[?.!]?$");
    private static final Pattern SIMILAR = Pattern.compile(
            "(?i)^\\s*(?:find|show(?:\\s+me)?|list|who\\s+(?:else\\s+)?(?:is|are)|any(?:one)?)?\\s*(?:other\\s+)?"
                    + "(?:contacts?|leads?|people|customers)?\\s*(?:similar\\s+to|like|resembling|who\\s+look\\s+like)\\s+"
                    + "(?<who>.+?)\\s*[?.!]?$");
    private static final Pattern DOCUMENTS = Pattern.compile(
            "(?i)^\\s*(?:what\\s+(?:do|does)\\s+(?:our|the)\\s+(?:docs|documents|documentation|knowledge\\s+base|policies|playbook|wiki)"
                    + "\\s+say\\s+(?:about|on)\\s+(?<about>.+?)"
                    + "|(?:according\\s+to|check|search|ask)\\s+(?:our|the)\\s+(?:docs|documents|documentation|knowledge\\s+base)"
                    + "\\s*(?:[,:]|for|about)?\\s*(?<question>.+?))\\s*[?.!]?$");

    private KnowledgeCommands() {
    }

    /** @return the plan, or null when the text is none of these */
    static Plan understand(String text) {
        Matcher documents = DOCUMENTS.matcher(text);
        if (documents.matches()) {
            String about = documents.group("about");
            String question = about != null ? "What do our documents say about " + about.strip() + "?"
                    : documents.group("question").strip();
            return Plan.single("search the knowledge base", "answerFromDocuments", Map.of("question", question));
        }
        Matcher notes = NOTES.matcher(text);
        if (notes.matches()) {
            return Plan.single("search notes", "searchNotes", Map.of("query", notes.group("query").strip()));
        }
        Matcher similar = SIMILAR.matcher(text);
        if (similar.matches()) {
            return Plan.lookup("find similar contacts", "searchContacts", similar.group("who").strip(),
                    Plan.Step.needingId("findSimilarContacts", "contactId", Map.of()));
        }
        return null;
    }
}
