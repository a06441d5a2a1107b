package io.intelligencecrm.agent.offline.intent;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shorthand and slips reps type, spelled out before a message is embedded ("tmrw" is "tomorrow",
 * "w/" is "with", "ad" is "add"), so the model compares words it knows. Only the embedding input is
 * rewritten; values are read from the message as typed.
 */
public final class Normalizer {
    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"), Map.entry("tmw", "tomorrow"),
            Map.entry("tmrow", "tomorrow"), Map.entry("2moro", "tomorrow"), Map.entry("2morrow", "tomorrow"),
            Map.entry("tomorow", "tomorrow"), Map.entry("tommorow", "tomorrow"), Map.entry("tommorrow", "tomorrow"),
            Map.entry("tdy", "today"), Map.entry("yday", "yesterday"), Map.entry("yest", "yesterday"),
            Map.entry("w/", "with"), Map.entry("w/o", "without"), Map.entry("re:", "about"), Map.entry("re", "about"),
            Map.entry("abt", "about"), Map.entry("mtg", "meeting"), Map.entry("mtgs", "meetings"),
            Map.entry("appt", "appointment"), Map.entry("pls", "please"), Map.entry("plz", "please"),
            Map.entry("thx", "thanks"), Map.entry("ty", "thank you"), Map.entry("u", "you"), Map.entry("ur", "your"),
            Map.entry("r", "are"), Map.entry("msg", "message"), Map.entry("acct", "account"), Map.entry("accts", "accounts"),
            Map.entry("opp", "opportunity"), Map.entry("opps", "opportunities"), Map.entry("oppty", "opportunity"),
            Map.entry("convo", "conversation"), Map.entry("f/u", "follow up"), Map.entry("fu", "follow up"),
            Map.entry("followup", "follow up"), Map.entry("follow-up", "follow up"), Map.entry("eod", "end of day"),
            Map.entry("eow", "end of week"), Map.entry("eom", "end of month"), Map.entry("eoq", "end of quarter"),
            Map.entry("eoy", "end of year"), Map.entry("nxt", "next"), Map.entry("wk", "week"), Map.entry("wks", "weeks"),
            Map.entry("mo", "month"), Map.entry("mos", "months"), Map.entry("hr", "hour"), Map.entry("hrs", "hours"),
            Map.entry("nego", "negotiation"), Map.entry("neg", "negotiation"), Map.entry("cust", "customer"),
            Map.entry("custs", "customers"), Map.entry("ppl", "people"), Map.entry("whats", "what's"),
            Map.entry("hows", "how's"), Map.entry("wheres", "where's"), Map.entry("whos", "who's"), Map.entry("dont", "don't"),
            Map.entry("havent", "haven't"), Map.entry("didnt", "didn't"), Map.entry("doesnt", "doesn't"),
            Map.entry("im", "i'm"), Map.entry("ive", "i've"), Map.entry("lmk", "let me know"), Map.entry("rn", "right now"),
            Map.entry("pipe", "pipeline"), Map.entry("gimme", "give me"), Map.entry("wanna", "want to"),
            Map.entry("gonna", "going to"), Map.entry("lemme", "let me"), Map.entry("b/c", "because"),
            Map.entry("bc", "because"), Map.entry("cuz", "because"), Map.entry("coz", "because"),
            Map.entry("info", "information"), Map.entry("deets", "details"), Map.entry("ad", "add"), Map.entry("addd", "add"),
            Map.entry("crete", "create"), Map.entry("creat", "create"), Map.entry("nw", "new"), Map.entry("todo", "to-do"),
            Map.entry("vm", "voicemail"), Map.entry("qtr", "quarter"), Map.entry("q", "quarter"), Map.entry("rev", "revenue"),
            Map.entry("num", "number"), Map.entry("#", "number"), Map.entry("asap", "as soon as possible"),
            Map.entry("tues", "tuesday"), Map.entry("thurs", "thursday"), Map.entry("thu", "thursday"),
            Map.entry("fri", "friday"), Map.entry("mon", "monday"), Map.entry("wed", "wednesday"),
            Map.entry("k", "thousand"), Map.entry("thru", "through"), Map.entry("tho", "though"), Map.entry("sched", "schedule"),
            Map.entry("remind", "remind"), Map.entry("rmd", "remind"), Map.entry("rmnd", "remind"), Map.entry("pls.", "please"));
    private static final Pattern WORD = Pattern.compile("(?<=^|[\\s,;(\"])([\\p{L}\\d#][\\p{L}\\d/:.'’-]*)(?=$|[\\s,;)?!\"])");
    private static final Pattern TRAILING = Pattern.compile("[.:]+$");

    private Normalizer() {
    }

    /** Lower case, plain quotes and spaces, shorthand spelled out. */
    public static String forEmbedding(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('“', '"').replace('”', '"')
                .replaceAll("\\s+", " ").strip();
        Matcher word = WORD.matcher(plain);
        StringBuilder out = new StringBuilder();
        while (word.find()) {
            String token = word.group(1);
            String expanded = SHORTHAND.get(token);
            if (expanded == null) {
                String bare = TRAILING.matcher(token).replaceAll("");
                String spelled = SHORTHAND.get(bare);
                expanded = spelled == null ? token : spelled + token.substring(bare.length()).replace(":", "");
            }
            word.appendReplacement(out, Matcher.quoteReplacement(expanded));
        }
        return word.appendTail(out).toString();
    }
}
