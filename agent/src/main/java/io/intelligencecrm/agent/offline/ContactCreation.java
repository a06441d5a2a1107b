package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new contact from however it was said: "ad Ben Ortiz from Vela, ben@vela.example", "add Tom Reed,
 * Grace's colleague at Orbitel, tom.reed@orbitel.example, Head of IT", "i met kim park at the expo, add
 * her as a lead", "sarah@skynet.example is Sarah Connor from Skynet". The message is cut at commas and
 * brackets; each piece is a name, an address, a title, a company, a source or, failing all, a note.
 */
final class ContactCreation {
    private static final Pattern COMMAND = Pattern.compile("(?i)^\\s*(?:(?:please|pls|can\\s+you|could\\s+you|hey|ok|so)[,\\s]+)*"
            + "(?:(?:i\\s+)?(?:got|have)\\s+a\\s+new\\s+(?:lead|contact|prospect|person)\\s*[,:-]?\\s*"
            + "|(?:ad+|add|create|crete|creat|new|save|put|stick|enter|register|make|record|set\\s+up)\\s+"
            + "(?:(?:a|an|the|this)\\s+)?(?:new\\s+)?(?:(?:customer\\s+)?(?:contact|lead|person|prospect|customer|client|guy|lady)s?)?"
            + "\\s*(?:[:,-]|named|called|for|with\\s+the\\s+name)?\\s*|new\\s*:\\s*"
            + "|(?:new\\s+)?(?:contact|lead|person|prospect|customer)\\s*[:–—-]\\s*)");
    private static final Pattern TRAILING_COMMAND = Pattern.compile("(?i)[,;.\\s]*(?:and\\s+|pls\\s+|please\\s+|can\\s+you\\s+)?(?:add|save|create|put)"
            + "(?:\\s+(?:her|him|them|this\\s+person|that|it|please|pls))?(?:\\s+(?:in|to|into)\\s+(?:the\\s+)?(?:crm|contacts|system))?"
            + "(?:\\s+as\\s+(?:a|an)\\s+(?:new\\s+)?(?<stage>lead|contact|customer|prospect|qualified\\s+lead))?\\s*[.!]?\\s*$");
    private static final Pattern IN_CRM = Pattern.compile("(?i)\\s+(?:in|into|to)\\s+(?:the\\s+)?(?:crm|contacts|system|database)\\b");
    private static final Pattern AS_STAGE = Pattern.compile("(?i)\\s*,?\\s*as\\s+(?:a|an)\\s+(?:new\\s+)?"
            + "(?<stage>lead|contact|customer|client|prospect|qualified\\s+lead)\\b");
    private static final Pattern MET = Pattern.compile("(?i)^(?:i\\s+|we\\s+)?(?:just\\s+)?(?:met|spoke\\s+(?:to|with)|talked\\s+to)\\s+");
    private static final Pattern IS_NAME = Pattern.compile("(?i)^(?:is|this\\s+is|that'?s|it'?s|named|called|name\\s*:"
            + "|(?:her|his|their)\\s+name\\s+is|(?:she|he)\\s+is|(?:she|he)['’]s)\\s*");
    private static final Pattern NAME = Pattern.compile("^(?<name>[\\p{L}][\\p{L}'’.-]*(?:\\s+[\\p{L}][\\p{L}'’.-]*){0,3}?)"
            + "(?=\\s*$|\\s+(?i:from|at|of|with|@|who|is|works|working|in|as|and|to|for|she|he|they|-|–|the|a|an)\\b|\\s*[(])");
    private static final Pattern COMPANY = Pattern.compile("(?i)^(?:who\\s+)?(?:works?\\s+|working\\s+|is\\s+)?(?:from|at|of|with|@|for)\\s+"
            + "(?<company>[^,;()]+?)\\s*$");
    private static final Pattern COMPANY_INSIDE = Pattern.compile("(?i)(?<![\\w'])(?:(?:who\\s+)?works?\\s+|working\\s+)?(?:at|from|@)\\s+"
            + "(?<company>[\\p{L}\\d&.' -]+?)\\s*$");
    private static final Pattern SOURCE = Pattern.compile("(?i)^(?:(?:came|comes|coming)\\s+)?(?:via|from|through)?\\s*(?:a|an|the)?\\s*"
            + "(?<source>referral|website|web\\s+form|webinar|event|conference|expo|trade\\s*show|linkedin|cold\\s+call|partner"
            + "|inbound|outbound)(?:\\s+lead)?$|^(?:referred\\s+by|referral\\s+from)\\s+.+$");
    private static final Pattern STOP = Pattern.compile("(?i)^(?:the|a|an|and|she|he|they|who|is|new|contact|lead|person|add|her|him|his"
            + "|she['’]s|he['’]s|they['’]re|i|we|my|our|name|met|got|please|pls|prospect|customer|client)$");
    /** One to four capitalised words, the way a company is written: "Bluth Homes", "Tyrell Systems Inc". */
    private static final Pattern PROPER = Pattern.compile("\\p{Lu}[\\p{L}&.'-]*(?:\\s+(?:\\p{Lu}[\\p{L}&.'-]*|&|of|and)){0,3}");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:[,;()\\[\\]]|\\s[-–—]\\s|\\s/\\s)\\s*");

    private ContactCreation() {
    }

    /** The createContact arguments, or null when no name or address can be told apart. */
    static Map<String, Object> read(Reading reading) {
        String text = reading.text();
        List<Span> used = new ArrayList<>();
        Map<String, Object> arguments = new LinkedHashMap<>();
        reading.scan().first(Span.Kind.EMAIL).ifPresent(email -> {
            arguments.put("email", email.value());
            used.add(email);
        });
        reading.scan().first(Span.Kind.PHONE).ifPresent(phone -> {
            arguments.put("phone", phone.value());
            used.add(phone);
        });
        String rest = io.intelligencecrm.agent.offline.language.TextScan.without(text, used);
        rest = rest.replaceAll("(?i)\\b(?:e-?mail(?:\\s+address)?|phone(?:\\s+number)?|tel|mobile|cell)\\s*[:=]?\\s*(?=[,;)]|$)", " ");
        Matcher trailing = TRAILING_COMMAND.matcher(rest);
        String stageWord = null;
        if (trailing.find()) {
            stageWord = trailing.group("stage");
            rest = rest.substring(0, trailing.start());
        }
        Matcher command = COMMAND.matcher(rest);
        if (command.lookingAt()) rest = rest.substring(command.end());
        rest = IN_CRM.matcher(rest).replaceAll(" ");
        Matcher asStage = AS_STAGE.matcher(rest);
        if (asStage.find()) {
            stageWord = asStage.group("stage");
            rest = rest.substring(0, asStage.start()) + " " + rest.substring(asStage.end());
        }
        if (stageWord != null) stage(stageWord).ifPresent(stage -> arguments.put("stage", stage));
        List<String> notes = new ArrayList<>();
        boolean named = false;
        for (String piece : SPLIT.split(rest.strip())) {
            // Once the name is read, "met him at the Berlin expo" is a note as said.
            String segment = named ? Words.tidy(piece.strip()) : Words.tidy(MET.matcher(piece.strip()).replaceFirst(""));
            segment = IS_NAME.matcher(segment).replaceFirst("");
            if (segment.isEmpty()) continue;
            if (!named) {
                Matcher name = NAME.matcher(segment);
                if (name.find() && validName(name.group("name"))) {
                    setName(arguments, name.group("name"));
                    named = true;
                    segment = Words.tidy(segment.substring(name.end()));
                    if (segment.isEmpty()) continue;
                }
            }
            if (!read(segment, reading, arguments)) notes.add(segment);
        }
        if (!named && !arguments.containsKey("email")) return null;
        if (!notes.isEmpty()) arguments.put("note", String.join(", ", notes));
        return arguments;
    }

    /** One piece of the message: a title, a company, a source; false when it is none of them. */
    private static boolean read(String segment, Reading reading, Map<String, Object> arguments) {
        Titles.Found title = Titles.in(segment);
        if (title != null && !arguments.containsKey("title")) {
            arguments.put("title", title.title());
            if (title.company() != null) putCompany(arguments, title.company(), reading);
            return true;
        }
        Matcher company = COMPANY.matcher(segment);
        if (company.matches() && !arguments.containsKey("companyName")) {
            putCompany(arguments, company.group("company"), reading);
            return true;
        }
        Matcher source = SOURCE.matcher(segment);
        if (source.matches() && source.group("source") != null && !arguments.containsKey("source")) {
            arguments.put("source", source.group("source").toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            return true;
        }
        // "Rosa Diaz, Bluth Homes, rosa@…": a piece that is a company the tenant has, or a proper name, is the company.
        if (!arguments.containsKey("companyName") && (namesCompany(segment, reading) || PROPER.matcher(segment).matches())) {
            putCompany(arguments, segment, reading);
            return true;
        }
        // "Grace's colleague at Orbitel": the company is read, the rest stays a note.
        Matcher inside = COMPANY_INSIDE.matcher(segment);
        if (inside.find() && !arguments.containsKey("companyName") && inside.start() > 0) {
            putCompany(arguments, inside.group("company"), reading);
            String left = Words.tidy(segment.substring(0, inside.start()));
            return left.isEmpty() || addNote(arguments, left);
        }
        return false;
    }

    private static boolean namesCompany(String segment, Reading reading) {
        String lower = segment.toLowerCase(Locale.ROOT);
        return reading.mentions(RecordMention.COMPANY).stream().anyMatch(group -> lower.equals(group.getFirst().name().toLowerCase(Locale.ROOT))
                || group.getFirst().name().toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() > 2);
    }

    private static boolean addNote(Map<String, Object> arguments, String text) {
        arguments.merge("note", text, (a, b) -> a + ", " + b);
        return true;
    }

    /** A company the tenant has is written as the tenant writes it ("acme" is Acme Corporation). */
    private static void putCompany(Map<String, Object> arguments, String said, Reading reading) {
        String name = Words.tidy(said);
        for (List<RecordMention> group : reading.mentions(RecordMention.COMPANY)) {
            RecordMention best = group.getFirst();
            if (name.toLowerCase(Locale.ROOT).contains(best.name().toLowerCase(Locale.ROOT))
                    || best.name().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                name = best.name();
                break;
            }
        }
        if (!name.isEmpty()) arguments.put("companyName", name);
    }

    private static void setName(Map<String, Object> arguments, String name) {
        String[] words = name.strip().split("\\s+");
        arguments.put("firstName", Words.capitalised(words[0]));
        if (words.length > 1) {
            StringBuilder last = new StringBuilder();
            for (int i = 1; i < words.length; i++) {
                if (!last.isEmpty()) last.append(' ');
                last.append(Words.capitalised(words[i]));
            }
            arguments.put("lastName", last.toString());
        }
    }

    private static boolean validName(String name) {
        String[] words = name.strip().split("\\s+");
        if (words.length > 3 || STOP.matcher(words[0]).matches()) return false;
        for (String word : words) {
            if (STOP.matcher(word).matches() || Titles.in(word) != null && words.length == 1) return false;
        }
        return true;
    }

    private static java.util.Optional<String> stage(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("customer") || lower.startsWith("client")) return java.util.Optional.of("customer");
        if (lower.startsWith("qualified")) return java.util.Optional.of("qualified");
        return java.util.Optional.empty();
    }
}
