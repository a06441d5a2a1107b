package io.intelligencecrm.core.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of a message that could name a record: every run of one to four words that starts and
 * ends with a word that could be part of a name (not "the", "call", "tomorrow", "3pm" or "20k"),
 * plus each email address and web domain. Runs never cross punctuation, so "Vela, ben" is not one,
 * and the only small words inside a run are those names have ("Bank of America", "Procter and
 * Gamble", "van der Berg"). A word from the stop list still counts when it is capitalised
 * mid-sentence ("call Will Smith").
 */
public final class MessageSpans {
    public static final int MAX_WORDS = 4;
    public static final int MAX_SPANS = 60;
    private static final int MIN_LETTERS = 3;
    private static final Pattern TOKEN = Pattern.compile(
            "(?<email>[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)"
                    + "|(?<domain>(?:https?://)?(?:www\\.)?[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}(?:/\\S*)?)"
                    + "|(?<word>[\\p{L}\\p{N}](?:[\\p{L}\\p{N}]|['’.-](?=[\\p{L}\\p{N}]))*)");
    private static final Pattern JOINER = Pattern.compile("[\\s&+-]*");
    private static final Pattern NUMBERISH = Pattern.compile(
            "\\d+(?:[.,:]\\d+)*(?:k|m|bn|am|pm|h|hrs?|mins?|st|nd|rd|th|x)?|[ap]m|\\d{1,2}(?:am|pm)");
    /** Small words that occur inside names; any other stop word ends a run. */
    private static final Set<String> INSIDE_NAMES = Set.of("of", "and", "the", "de", "da", "del", "della", "di", "du",
            "van", "von", "der", "den", "la", "le", "y");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with",
            "w", "wo", "re", "about", "regarding", "as", "into", "onto", "per", "via", "vs", "over", "under",
            "above", "below", "than", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your",
            "yours", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "this", "that",
            "these", "those", "there", "here", "is", "are", "was", "were", "be", "been", "being", "am", "do",
            "does", "did", "done", "have", "has", "had", "will", "would", "can", "could", "should", "shall", "may",
            "might", "must", "not", "no", "yes", "yeah", "yep", "ok", "okay", "please", "pls", "plz", "thanks",
            "thank", "thx", "hi", "hello", "hey", "just", "also", "too", "very", "so", "then", "now", "all", "any",
            "some", "every", "each", "other", "another", "one", "ones", "both", "who", "whom", "whose", "what",
            "when", "where", "which", "why", "how", "many", "much", "more", "most", "less", "least", "if", "else",
            "again", "still", "only", "today", "tomorrow", "tmrw", "tmr", "tonight", "yesterday", "next", "last",
            "week", "weeks", "month", "months", "quarter", "year", "years", "day", "days", "morning", "afternoon",
            "evening", "noon", "end", "eod", "eow", "eom", "asap", "soon", "later", "ago", "since", "until", "till",
            "before", "after", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
            "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "july", "september",
            "october", "november", "december", "add", "added", "new", "create", "created", "make", "log", "logged",
            "note", "notes", "noted", "call", "called", "calling", "calls", "phone", "phoned", "rang", "ring",
            "email", "emailed", "emails", "mail", "mailed", "text", "texted", "sms", "meeting", "meetings", "meet",
            "met", "demo", "chat", "chatted", "talk", "talked", "spoke", "spoken", "speak", "deal", "deals",
            "opportunity", "opportunities", "opp", "opps", "contact", "contacts", "company", "companies", "account",
            "accounts", "lead", "leads", "customer", "customers", "prospect", "prospects", "task", "tasks", "todo",
            "remind", "reminder", "follow", "followup", "up", "show", "list", "find", "search", "get", "give",
            "gave", "send", "sent", "draft", "schedule", "book", "booked", "move", "moved", "set", "change",
            "changed", "update", "updated", "mark", "marked", "won", "lost", "win", "lose", "stage", "amount",
            "worth", "closing", "close", "closed", "pipeline", "undo", "delete", "remove", "assign", "reassign",
            "owner", "owned", "named", "titled", "title", "role", "vp", "ceo", "cto", "cfo", "coo", "head",
            "manager", "director", "colleague", "boss", "team", "someone", "somebody", "anyone", "everyone", "guy",
            "person", "people", "usd", "eur", "gbp", "dollars", "euros", "k", "fyi", "btw", "score", "scores");

    private MessageSpans() {
    }

    private record Token(String text, int start, int end, Span.Kind kind, boolean nameLike, int letters,
                         boolean joinedToNext) {

        /** Whether the word may stand between two words of a name. */
        boolean inside() {
            return nameLike || INSIDE_NAMES.contains(text.toLowerCase(Locale.ROOT))
                    || text.chars().allMatch(Character::isDigit);
        }
    }

    /** The candidate spans of a message, the shortest first, at most {@link #MAX_SPANS}. */
    public static List<Span> of(String message) {
        if (message == null || message.isBlank()) return List.of();
        List<Token> tokens = tokens(message);
        Map<String, Span> spans = new LinkedHashMap<>();
        for (Token token : tokens) {
            if (token.kind() != Span.Kind.WORDS) {
                Span span = new Span(token.text(), token.start(), token.end(), token.kind());
                spans.putIfAbsent(token.kind() + ":" + span.normalised(), span);
            }
        }
        for (int length = 1; length <= MAX_WORDS; length++) {
            for (int first = 0; first + length <= tokens.size(); first++) {
                List<Token> run = tokens.subList(first, first + length);
                if (!namesSomething(run)) continue;
                Token last = run.getLast();
                Span span = new Span(message.substring(run.getFirst().start(), last.end()), run.getFirst().start(),
                        last.end(), Span.Kind.WORDS);
                spans.putIfAbsent("words:" + span.normalised().replaceAll("\\s+", " "), span);
            }
        }
        return spans.values().stream().sorted(Comparator.comparingInt((Span span) -> span.kind() == Span.Kind.WORDS ? 1 : 0))
                .limit(MAX_SPANS).toList();
    }

    private static boolean namesSomething(List<Token> run) {
        int letters = 0;
        for (int i = 0; i < run.size(); i++) {
            Token token = run.get(i);
            if (token.kind() != Span.Kind.WORDS || !token.inside()) return false;
            if (i < run.size() - 1 && !token.joinedToNext()) return false;
            letters += token.letters();
        }
        return run.getFirst().nameLike() && run.getLast().nameLike() && letters >= MIN_LETTERS;
    }

    private static List<Token> tokens(String message) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(message);
        int previousEnd = -1;
        while (matcher.find()) {
            if (!tokens.isEmpty()) {
                Token before = tokens.removeLast();
                boolean joined = JOINER.matcher(message.substring(previousEnd, matcher.start())).matches();
                tokens.add(new Token(before.text(), before.start(), before.end(), before.kind(), before.nameLike(),
                        before.letters(), joined));
            }
            previousEnd = matcher.end();
            if (matcher.group("email") != null) {
                tokens.add(new Token(matcher.group(), matcher.start(), matcher.end(), Span.Kind.EMAIL, false, 0, false));
            } else if (matcher.group("domain") != null) {
                String domain = matcher.group().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "")
                        .replaceFirst("^www\\.", "").replaceFirst("/.*$", "");
                tokens.add(new Token(domain, matcher.start(), matcher.end(), Span.Kind.DOMAIN, false, 0, false));
            } else {
                String word = POSSESSIVE.matcher(matcher.group()).replaceFirst("");
                int end = matcher.start() + word.length();
                tokens.add(new Token(word, matcher.start(), end, Span.Kind.WORDS,
                        nameLike(message, word, matcher.start()), (int) word.chars().filter(Character::isLetter).count(),
                        false));
            }
        }
        return tokens;
    }

    /** Could this word start or end a name? */
    private static boolean nameLike(String message, String word, int start) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (word.chars().noneMatch(Character::isLetter) || NUMBERISH.matcher(lower).matches()) return false;
        if (!STOP.contains(lower)) return true;
        return Character.isUpperCase(word.charAt(0)) && !sentenceStart(message, start);
    }

    private static boolean sentenceStart(String message, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = message.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(') continue;
            return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n';
        }
        return true;
    }
}
