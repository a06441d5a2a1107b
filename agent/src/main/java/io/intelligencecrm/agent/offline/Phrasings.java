package io.intelligencecrm.agent.offline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other ways of saying a command, rewritten to the wording the command patterns know: synonyms
 * ("reassign", "opportunity", "follow up with"), other word orders ("Jane Doe is now a customer",
 * "we won the Acme renewal deal", "send Jane an email about ...") and past tense ("I just called Jane
 * Doe, she wants a demo"). Every rule is anchored to the start of the sentence, so the free text a
 * command carries (a note, an email's purpose) is never rewritten.
 */
final class Phrasings {
    private static final String PLEASE = "(?:please\\s+|can you\\s+|could you\\s+)?";
    private static final String CONTACT_STAGES = "lead|qualified|customer|lost";
    private static final String DEAL_STAGES = "prospecting|qualification|proposal|negotiation";
    /** A name that is not a question word and not a deal: "Jane Doe", "her". */
    private static final String WHO = "(?<who>(?!(?:who|what|which|how|where|when|why|it)\\b)(?:(?!\\bdeals?\\b)[^,:;?])+?)";
    private static final String COMPANY = PLEASE + "(?:add|create|new)\\s+(?:a\\s+)?(?:new\\s+)?(?:company|account)";
    private static final String DEAL = "(?<deal>(?!(?:it|that|this)\\b)(?:(?!\\bdeals?\\b).)+?)";

    /** "we lost Jane Doe" is no deal: a deal is won or lost with "the ..." or the word "deal". */
    private static final String NAMES_A_DEAL = "(?=(?:we\\s+)?(?:won|lost|closed)\\s+the\\b|.*\\bdeal\\b)";

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile("(?i)^\\s*" + regex), replacement);
        }
    }

    private static final List<Rule> RULES = List.of(
            // contacts' stages
            new Rule(PLEASE + "(?:set|change|update|move)\\s+(?:the\\s+)?(?:lifecycle\\s+)?(?:stage|status)\\s+(?:of|for)\\s+"
                    + WHO + "\\s+to\\s+", "move ${who} to "),
            new Rule(PLEASE + "(?:set|change|update|move)\\s+" + WHO + "['’]s\\s+(?:lifecycle\\s+)?(?:stage|status)\\s+to\\s+",
                    "move ${who} to "),
            new Rule(PLEASE + "(?:make|turn)\\s+" + WHO + "\\s+(?:into\\s+)?(?:a|an)\\s+(?<stage>lead|customer)\\b",
                    "move ${who} to ${stage}"),
            new Rule(WHO + "\\s+is\\s+(?:now\\s+)?(?:a\\s+|an\\s+)?(?<stage>" + CONTACT_STAGES + ")(?:\\s+now)?\\s*[.!]?$",
                    "move ${who} to ${stage}"),
            new Rule(PLEASE + "qualify\\s+(?<who>.+?)\\s*[.!]?$", "move ${who} to qualified"),
            // deals
            new Rule(PLEASE + "(?:add|create|new|open)\\s+(?:an?\\s+)?(?:new\\s+)?(?:opportunity|opp)\\b", "new deal"),
            new Rule(PLEASE + "(?:set|change|update|move)\\s+(?:the\\s+)?" + DEAL + "\\s+deal(?:['’]s)?\\s+stage\\s+to\\s+",
                    "move the ${deal} deal to "),
            new Rule(PLEASE + "(?:move|set|change)\\s+(?:the\\s+)?" + DEAL + "\\s+(?:to|into)\\s+(?:the\\s+)?(?<stage>"
                    + DEAL_STAGES + ")\\b", "move the ${deal} deal to ${stage}"),
            new Rule("(?:the\\s+)?" + DEAL + "\\s+deal\\s+(?:is\\s+now|has\\s+moved|moved)\\s+(?:in|into|to)\\s+(?:the\\s+)?"
                    + "(?<stage>" + DEAL_STAGES + ")\\b", "move the ${deal} deal to ${stage}"),
            new Rule(NAMES_A_DEAL + "(?:we\\s+)?(?:won|closed)\\s+(?:the\\s+)?" + DEAL + "(?:\\s+deal)?\\s*[.!]?$", "mark the ${deal} deal as won"),
            new Rule(NAMES_A_DEAL + "(?:we\\s+)?lost\\s+(?:the\\s+)?" + DEAL + "(?:\\s+deal)?(?:\\s*[,:;]\\s*|\\s+(?:because\\s+of|because|"
                    + "due\\s+to|to)\\s+)(?<reason>.+)$", "mark the ${deal} deal as lost because ${reason}"),
            new Rule(NAMES_A_DEAL + "(?:we\\s+)?lost\\s+(?:the\\s+)?" + DEAL + "(?:\\s+deal)?\\s*[.!]?$", "mark the ${deal} deal as lost"),
            new Rule(PLEASE + "close\\s+(?:the\\s+)?" + DEAL + "(?:\\s+deal)?\\s+as\\s+(?<outcome>won|lost)",
                    "mark the ${deal} deal as ${outcome}"),
            new Rule("(?:the\\s+)?" + DEAL + "\\s+deal\\s+(?:was|is|has\\s+been|got)\\s+(?<outcome>won|lost)\\s*[,:;-]\\s*"
                    + "(?:because\\s+(?:of\\s+)?|due\\s+to\\s+)?(?<reason>.+)$", "mark the ${deal} deal as ${outcome} because ${reason}"),
            new Rule("(?:the\\s+)?" + DEAL + "\\s+deal\\s+(?:was|is|has\\s+been|got)\\s+(?<outcome>won|lost)\\s*[.!]?$",
                    "mark the ${deal} deal as ${outcome}"),
            new Rule(PLEASE + "mark\\s+(?:the\\s+)?" + DEAL + "\\s+as\\s+won\\b", "mark the ${deal} deal as won"),
            // contacts are never "it": "mark it as lost" is the deal the last result named
            new Rule(PLEASE + "mark\\s+it\\s+as\\s+(?<outcome>won|lost)\\b", "mark that deal as ${outcome}"),
            new Rule("(?:which|what)\\s+deals\\s+(?:will\\s+|are\\s+going\\s+to\\s+|that\\s+)?close\\b", "deals closing"),
            // logging
            new Rule(PLEASE + "(?:add|put|leave|write|make|log)\\s+(?:a\\s+)?note\\s+(?:to|on|for|about|against)\\s+",
                    "log a note on "),
            new Rule("note\\s+(?:on|for|about|to)\\s+", "log a note on "),
            // "log a call: wants pricing" names nobody: the contact just talked about, or a question
            new Rule(PLEASE + "log\\s+(?:an?\\s+)?(?<type>call|note|meeting|email|sms)\\s*(?::|\\s-|\\s–)\\s*",
                    "log a ${type} with that contact: "),
            new Rule("((?:please\\s+)?log\\s+(?:an?\\s+)?\\w+\\s+)w/\\s*", "$1with "),
            new Rule("(?:i\\s+|we\\s+)?(?:just\\s+)?(?:had|did)\\s+(?:a\\s+)?(?<type>call|meeting)\\s+with\\s+", "log a ${type} with "),
            new Rule("(?:i\\s+|we\\s+)?(?:just\\s+)?(?:called|phoned|rang|spoke\\s+(?:to|with)|talked\\s+(?:to|with))\\s+",
                    "log a call with "),
            new Rule("(?:i\\s+|we\\s+)?(?:just\\s+)?met(?:\\s+with)?\\s+", "log a meeting with "),
            // outreach
            new Rule(PLEASE + "(?:write|compose|prepare)\\s+(?=(?:an?\\s+)?(?:quick\\s+)?(?:follow|e-?mail|message|note)\\b)", "draft "),
            new Rule(PLEASE + "follow\\s+up\\s+(?:with|on)\\s+" + WHO + "\\s+(?=about|regarding|re\\b|on\\b)",
                    "draft a follow-up to ${who} "),
            new Rule(PLEASE + "send\\s+(?<who>(?!(?:an?|the|all|every|my|our)\\b)(?:(?!\\b(?:an?|the)\\b)[^,:;])+?)\\s+(?:an?\\s+)?"
                    + "(?:quick\\s+|short\\s+)?(?:e-?mail|message|note)\\s+(?=about|regarding|re\\b)", "email ${who} "),
            // contact fields, owners and details
            new Rule(PLEASE + "(?:re-?assign|transfer)\\s+", "assign "),
            new Rule(WHO + "['’]s\\s+(?:new\\s+)?(?<field>job title|title|phone number|phone|email address|email|company)\\s+is"
                    + "\\s+(?:now\\s+)?", "change ${who}'s ${field} to "),
            new Rule(PLEASE + "(?:show|open|get)\\s+(?:me\\s+)?" + WHO + "['’]s\\s+(?:details|record|profile|card|info)\\b",
                    "tell me about ${who}"),
            // "is Jane Doe a customer?" is answered by her record, which shows the stage
            new Rule("(?:is|are)\\s+" + WHO + "\\s+(?:still\\s+|already\\s+|now\\s+)?(?:an?\\s+)?(?:lead|prospect|customer|client|"
                    + "qualified(?:\\s+lead)?|lost(?:\\s+lead)?)\\s*\\?*\\s*$", "tell me about ${who}"),
            // companies
            new Rule("(?<verb>" + COMPANY + ")\\s+(?:called|named)\\s+", "${verb} "),
            new Rule("(?<head>" + COMPANY + "\\s+[^,(]+?)\\s*\\((?<domain>[\\w.-]+\\.[a-z]{2,})\\)", "${head}, ${domain}"),
            new Rule("(?<head>" + COMPANY + "\\s+[^,]+?)\\s+in\\s+(?:the\\s+)?(?<industry>[\\p{L} ]+?)(?:\\s+(?:industry|sector|"
                    + "space))?\\s*[.!]?$", "${head}, ${industry}"));

    private Phrasings() {
    }

    /** The text in the wording the commands know; unchanged when no rule applies. */
    static String canonical(String text) {
        String result = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(result);
            if (matcher.lookingAt()) {
                result = matcher.replaceFirst(rule.replacement());
            }
        }
        return result;
    }
}
