package io.intelligencecrm.agent.offline.intent;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words without which a message does not ask for a change, whatever its embedding resembles:
 * "acme 50k" is close to "new deal acme 50k" in meaning but asks for nothing. A write is only read
 * into a message that has a word asking for it; otherwise the model asks. Also the shapes of a
 * message that asks about an action instead of for it ("should I move Jane?", "don't log it").
 */
public final class Cues {
    private static final Map<Intent, Pattern> WRITES = new EnumMap<>(Intent.class);
    private static final Pattern ADVICE = Pattern.compile("(?i)^\\s*(?:should\\s+(?:i|we)|do\\s+(?:i|we)\\s+need\\s+to|shall\\s+(?:i|we)"
            + "|what\\s+(?:happens|would\\s+happen)\\s+if|what\\s+if|would\\s+it\\s+be|is\\s+it\\s+(?:ok|okay|worth|a\\s+good\\s+idea)"
            + "|can\\s+i|could\\s+i|am\\s+i\\s+allowed|how\\s+do\\s+i)\\b");
    private static final Pattern NEGATED = Pattern.compile("(?i)^\\s*(?:please\\s+)?(?:don'?t|do\\s+not|never|no\\s+need\\s+to|stop)\\s+"
            + "(?!let\\s+me\\s+forget|forget)");

    /** "is Grace a customer yet", "did we ever call Ben?": asks whether something is so, which changes nothing. */
    private static final Pattern WHETHER = Pattern.compile("(?i)^\\s*(?:(?:is|are|was|were|isn'?t|aren'?t)\\s+(?!not\\b)(?=.*(?:\\?\\s*$|\\b(?:yet|still|already|ever|really)\\b))"
            + "|(?:does|doesn'?t)\\s+"
            + "|(?:did|has|have|hasn'?t|haven'?t|didn'?t)\\s+(?:i|we|you|he|she|they|it|anyone|anybody|someone|somebody|any|ever)\\b"
            + "|(?:what|who|whom|whose|when|where|why|which|how)\\b(?!\\s+about\\b).*\\?\\s*$)");

    static {
        cue(Intent.CREATE_CONTACT, "add|ad|addd|new|create|crete|save|put|stick|enter|register|lead|contact|person|met|got|record|set\\s+up");
        cue(Intent.CREATE_COMPANY, "company|account|org|organisation|organization|business");
        // A new deal is asked for with a verb, or named as a deal with its value: "acme 50k" or "show me the Acme deal" ask
        // for none.
        cue(Intent.CREATE_DEAL, "add|ad|create|crete|new|open|start|set\\s+up|setup|make|log|put|register|enter|book|worth");
        cue(Intent.LOG_INTERACTION, "log|logged|record|note|notes|jot|write\\s+down|call|calls|called|rang|ring|phoned|phone|spoke|spoken"
                + "|talked|chatted|chat|met|meet|meeting|mtg|zoom|teams|lunch|coffee|dinner|breakfast|demo|demo'?d|visited|visit|emailed"
                + "|texted|voicemail|vm|caught\\s+up|sat\\s+down|had|got\\s+off|convo|conversation|[:-]");
        cue(Intent.CONTACT_STAGE, "lead|leads|qualified|qualify|qualifed|customer|client|lost|dead|churned|prospect|stage|status|signed"
                + "|move|mark|set|make|flip|bump|upgrade|convert|demote|became|now");
        cue(Intent.DEAL_STAGE, "move|bump|push|advance|stage|won|win|lost|lose|signed|sign|closed|close|dead|negotiation|negotiating"
                + "|negotiations|nego|negotation|proposal|qualification|prospecting|->|went\\s+with|chose|dark|mark|set|back");
        cue(Intent.UPDATE_CONTACT, "title|email|e-mail|phone|number|mobile|cell|company|moved|works|working|promoted|is|she['’]s|he['’]s"
                + "|\\p{L}+['’]s|based|name|surname|role|became|joined|left|source|country|update|change|fix|correct|set|now|ceo|cto|cfo|coo"
                + "|cmo|cro|cio|ciso|vp|svp|evp|president|head|director|manager|founder|owner|partner|chief|engineer|officer");
        cue(Intent.ASSIGN_OWNER, "assign|reassign|give|hand|transfer|owner|own|take\\s+over|book|put");
        cue(Intent.DELETE_CONTACT, "delete|remove|trash|erase|wipe|rid|duplicate|drop");
        cue(Intent.SEND_EMAIL, "email|e-mail|mail|send|shoot|drop|ping|write|message");
        cue(Intent.GROUP_EMAIL, "email|e-mail|mail|send|message|follow\\s*-?\\s*up|note|invite");
        cue(Intent.BULK_STAGE, "all|every|everyone|everybody");
        cue(Intent.CREATE_TASK, "remind|reminder|rmd|task|todo|to-do|schedule|sched|book|follow|ping|forget|need|set\\s+up|chase|check\\s+in"
                + "|call|meeting|mtg|plan|arrange");
        cue(Intent.COMPLETE_TASK, "done|complete|completed|finished|finish|tick|ticked|check\\s+off|checked|mark|sent|did");
        cue(Intent.CREATE_WORKFLOW, "every|each|daily|weekly|nightly|whenever|when|mondays|tuesdays|wednesdays|thursdays|fridays|weekdays"
                + "|morning|mornings|automatically|going\\s+forward");
        cue(Intent.CHANGE_WORKFLOW, "pause|resume|stop|delete|remove|turn|disable|enable|restart|kill|reactivate|unpause|suspend");
        cue(Intent.UNDO, "undo|revert|back|scratch|roll|reverse|cancel|oops");
        cue(Intent.CORRECT_RECORD, "meant|mean|wrong|not|other|should|instead|actually");
    }

    private Cues() {
    }

    private static void cue(Intent intent, String words) {
        WRITES.put(intent, Pattern.compile("(?i)(?<![\\p{L}'])(?:" + words + ")(?![\\p{L}])"));
    }

    private static final Pattern DEAL_WITH_VALUE = Pattern.compile("(?i)(?=.*\\b(?:deal|opp|oppty|opportunity)\\b)"
            + "(?=.*(?:\\d\\s?(?:k|m|grand)\\b|[$€£]\\s?\\d|\\d{3,}))");

    /** Whether the message has a word asking for this change (reads need none). */
    public static boolean asksFor(Intent intent, String text) {
        if (intent == Intent.CREATE_DEAL && DEAL_WITH_VALUE.matcher(text).lookingAt()) return true;
        Pattern cue = WRITES.get(intent);
        return cue == null || cue.matcher(text).find();
    }

    /** "should I move Jane to qualified?", "can I delete a contact?": a question about an action, not a request. */
    public static boolean asksAdvice(String text) {
        return ADVICE.matcher(text).find();
    }

    /** "is Grace a customer yet?": a question whether something is so, not a request to make it so. */
    public static boolean asksWhether(String text) {
        return WHETHER.matcher(text).find();
    }

    /** "don't log anything for Ben": the opposite of a request. */
    public static boolean negated(String text) {
        return NEGATED.matcher(text).find();
    }
}
