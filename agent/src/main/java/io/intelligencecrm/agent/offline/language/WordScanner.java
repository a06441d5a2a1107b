package io.intelligencecrm.agent.offline.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words with a fixed meaning in a CRM: pipeline stages ("negotiation", "closed won", "client"),
 * whose records ("my", "our", "the team's"), interaction kinds ("call", "mtg") and ordinals ("the 2nd
 * one"). Contact info (emails, phones, domains) is read here too.
 */
final class WordScanner {
    static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w@.-])\\+?\\(?\\d[\\d ().-]{6,}\\d(?![\\w@-])");
    private static final Pattern DOMAIN = Pattern.compile("(?i)(?<![@\\w.-])(?:https?://)?(?:www\\.)?"
            + "(?<domain>[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|io|co|ai|dev|app|example|de|uk|fr|es|it|nl|se|no"
            + "|dk|fi|ch|at|be|ca|au|nz|jp|in|us|eu|biz|info|tech|cloud|xyz|me|ly|so|us))(?:/\\S*)?(?![\\w-])");

    private record Word(Pattern pattern, Object value) {
    }

    private static final List<Word> STAGES = List.of(
            stage("closed[- ]?won|won|signed|sign(?:ed)?\\s+off|booked", null, "won"),
            stage("closed[- ]?lost|lost|dead|churned|disqualified|dq'?d|(?:went|gone|going)\\s+with\\s+(?:a|another|the\\s+other|some)\\s+"
                    + "(?:competitor|vendor|provider|supplier|solution)|(?:chose|picked|signed\\s+with)\\s+(?:a|another|the\\s+other)\\s+"
                    + "(?:competitor|vendor|provider|supplier)|pulled\\s+out|walked\\s+away", "lost", "lost"),
            stage("negotiations?|negotiating|nego|negotation|negociation|contract(?:ing)?\\s+stage|in\\s+legal", null, "negotiation"),
            stage("proposals?(?:\\s+sent)?|quote\\s+sent|propsal|proposl", null, "proposal"),
            stage("qualification|qualifying|discovery", null, "qualification"),
            stage("prospecting", null, "prospecting"),
            stage("prospects?", "lead", "prospecting"),
            stage("qualified(?:\\s+leads?)?|qualifed|qualfied|qualifid|qualifeid|sqls?|mqls?", "qualified", null),
            stage("customers?|custmers?|cusomters?|costumers?|clients?|paying\\s+customers?|accounts\\s+we\\s+won", "customer", null),
            stage("leads?|new\\s+leads?", "lead", null));
    private static final List<Word> SCOPES = List.of(
            new Word(Pattern.compile("(?i)(?<![\\w'])(?:my|mine|myself|(?:assigned\\s+to|owned\\s+by|belonging\\s+to)\\s+me"
                    + "|i(?:'ve|ve|'m|m)?\\s+(?:have|own|closed?|won|should|need|haven'?t|have\\s+not|didn'?t|did|talked|spoke|met|"
                    + "called|contacted|manage|handle|got|am\\s+working)|(?:do|did|should|have|haven'?t|hav\\s*n'?t)\\s+i)(?![\\w'])"),
                    Scope.MINE),
            new Word(Pattern.compile("(?i)(?<![\\w'])(?:our|ours|we|we've|us|the\\s+team(?:'s)?|team-?wide|whole\\s+team|everyone'?s"
                    + "|company-?wide|all\\s+reps|the\\s+company(?:'s)?)(?![\\w'])"), Scope.TEAM));
    private static final List<Word> INTERACTIONS = List.of(
            kind("calls?|called|calll|calld|caled|phoned|phone(?:\\s+call)?|rang|ring|dialed|dialled|voicemail|vm|spoke|spoken|talked|chatted|chat", "call"),
            kind("meetings?|meting|meetng|metting|meeeting|meetin|mtng|mtgs?|met|meet|demo'?d|demoed|demos?|walkthrough|sat\\s+down|coffee|lunch|zoom|teams\\s+call|on-?site|visit(?:ed)?", "meeting"),
            kind("notes?|memo", "note"),
            kind("e-?mails?|e-?mailed|mailed|emial|emailled", "email"),
            kind("sms|texts?|texted|whatsapp(?:ed)?", "sms"));
    private static final Pattern ORDINAL = Pattern.compile("(?i)(?<![\\w])(?:the\\s+)?(?:number\\s+|no\\.?\\s*|#\\s*)?"
            + "(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last(?=\\s+(?:one|contact|person|deal|row|company"
            + "|option|task|workflow|match)\\b|\\s*[.!?]?\\s*$)|1st|2nd|3rd|[4-9]th|10th|(?<=#\\s?|number\\s|no\\.?\\s?)\\d{1,2})"
            + "(?:\\s+(?:one|contact|person|deal|row|company|option|task|workflow|match|reading))?(?![\\w])");
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("1st", 1),
            Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3), Map.entry("3rd", 3),
            Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7),
            Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("last", -1));

    private WordScanner() {
    }

    static List<Span> scan(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            String address = email.group().replaceAll("[.'-]+$", "");
            spans.add(new Span(email.start(), email.start() + address.length(), address, Span.Kind.EMAIL,
                    address.toLowerCase(Locale.ROOT)));
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            long digits = phone.group().chars().filter(Character::isDigit).count();
            // Dates (2026-11-24) and ranges (10-50) are no phone numbers; seven digits at least are.
            if (digits >= 7 && !phone.group().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                spans.add(new Span(phone.start(), phone.end(), phone.group(), Span.Kind.PHONE, phone.group().strip()));
            }
        }
        Matcher domain = DOMAIN.matcher(text);
        while (domain.find()) {
            Span span = new Span(domain.start(), domain.end(), domain.group(), Span.Kind.DOMAIN,
                    domain.group("domain").toLowerCase(Locale.ROOT));
            if (spans.stream().noneMatch(span::overlaps)) spans.add(span);
        }
        add(spans, text, STAGES, Span.Kind.STAGE);
        add(spans, text, SCOPES, Span.Kind.SCOPE);
        add(spans, text, INTERACTIONS, Span.Kind.INTERACTION_TYPE);
        Matcher ordinal = ORDINAL.matcher(text);
        while (ordinal.find()) {
            String n = ordinal.group("n").toLowerCase(Locale.ROOT);
            Integer value = ORDINALS.containsKey(n) ? ORDINALS.get(n) : n.matches("\\d+") ? Integer.valueOf(n)
                    : Integer.valueOf(n.replaceAll("\\D", ""));
            spans.add(new Span(ordinal.start(), ordinal.end(), ordinal.group(), Span.Kind.ORDINAL, value));
        }
        return spans;
    }

    private static void add(List<Span> spans, String text, List<Word> words, Span.Kind kind) {
        for (Word word : words) {
            Matcher matcher = word.pattern().matcher(text);
            while (matcher.find()) {
                Span span = new Span(matcher.start(), matcher.end(), matcher.group(), kind, word.value());
                if (spans.stream().noneMatch(other -> other.kind() == kind && other.overlaps(span))) spans.add(span);
            }
        }
    }

    private static Word stage(String regex, String contactStage, String dealStage) {
        return new Word(Pattern.compile("(?i)(?<![\\w'-])(?:" + regex + ")(?![\\w'-])"), new Stage(contactStage, dealStage));
    }

    private static Word kind(String regex, String type) {
        return new Word(Pattern.compile("(?i)(?<![\\w'@.-])(?:" + regex + ")(?![\\w'-]|\\.\\w)"), type);
    }
}
