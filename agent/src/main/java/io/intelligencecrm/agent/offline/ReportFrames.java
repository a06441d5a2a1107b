package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.Comparison;
import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Scope;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.Stage;
import io.intelligencecrm.agent.offline.language.When;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions answered by one read tool: the pipeline, new leads, what is closing, what went quiet,
 * revenue closed, counts, searches with filters ("deals over 100k", "my leads with a score over 90"),
 * an account's summary. Filters said in words become the tool's arguments; whose records ("my",
 * "our") is honoured wherever the tool can narrow by it.
 */
final class ReportFrames {
    private static final Pattern TOP = Pattern.compile("(?i)\\b(?:top|best|hottest|first)\\s+(?<n>\\d{1,2})\\b|\\b(?<m>\\d{1,2})\\s+"
            + "(?:best|hottest|top)?\\s*(?:leads|people|contacts|prospects)\\b");
    private static final Pattern SCORE = Pattern.compile("(?i)\\bscor(?:e|es|ed|ing)\\b|\\bpoints?\\b|\\brated\\b");
    private static final Pattern OPEN = Pattern.compile("(?i)\\b(?:open|active|live|in\\s+flight|in\\s+play|pending|current)\\b");
    private static final Pattern SEARCH_WORDS = Pattern.compile("(?i)(?<![\\w'])(?:find|search(?:\\s+for)?|show(?:\\s+me)?|list|look\\s*up"
            + "|lookup|get|give\\s+me|pull\\s+up|who\\s+is|who's|whos|any|all|every|the|my|our|me|of|in|named|called|contacts?|people|person"
            + "|leads?|customers?|clients?|prospects?|deals?|opportunit(?:y|ies)|opps?|companies|company|accounts?|with|a|an|for|pls"
            + "|please|do\\s+we\\s+have|in\\s+here|again|score|scored|scoring|here|crm|is|are|there|that|which|what|from|at|owned|by)(?![\\w'])");

    private ReportFrames() {
    }

    static Part pipeline(Reading reading) {
        if (mine(reading) && reading.offers("getPipeline")) {
            return single("see the pipeline", "getPipeline", Map.of("onlyMine", true));
        }
        return single("see the pipeline", "pipelineByStage", Map.of());
    }

    static Part newLeads(Reading reading) {
        return single("see new leads", "newLeads", Map.of("period", period(reading, "this week")));
    }

    static Part dealsClosing(Reading reading) {
        String period = period(reading, "this month");
        if (mine(reading) || !reading.offers("dealsClosing")) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("closing", period);
            arguments.put("openOnly", true);
            if (mine(reading)) arguments.put("onlyMine", true);
            return single("find deals", "findDeals", arguments);
        }
        return single("see deals closing", "dealsClosing", Map.of("period", period));
    }

    static Part staleDeals(Reading reading) {
        return single("see stale deals", "staleDeals", Map.of("days", days(reading, 14)));
    }

    static Part staleContacts(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("days", days(reading, 30));
        arguments.put("mine", !team(reading));
        return single("see contacts nobody talked to", "staleContacts", arguments);
    }

    static Part activity(Reading reading) {
        return single("see activity", "activityByRep", Map.of("period", period(reading, "this month")));
    }

    static Part conversion(Reading reading) {
        return single("see conversion", "conversionBySource", Map.of("period", period(reading, "last 90 days")));
    }

    static Part closedRevenue(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String period = period(reading, "this month");
        arguments.put("period", period);
        arguments.put("mine", mine(reading));
        if (period.matches("\\d{4}-\\d{2}-\\d{2}\\.\\..*") && java.time.LocalDate.parse(period.substring(0, 10)).isAfter(reading.today())) {
            // "what will our revenue be next year?": a forecast, which revenue closed so far cannot answer.
            return new Part.Say("I can only total revenue already closed, and I do not forecast (in offline mode or otherwise). "
                    + "\"show the pipeline\" gives the open deals and their values.");
        }
        return single("see closed revenue", "closedRevenue", arguments);
    }

    static Part leadsToCall(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        Matcher top = TOP.matcher(reading.text());
        int limit = 10;
        if (top.find()) limit = Integer.parseInt(top.group("n") != null ? top.group("n") : top.group("m"));
        arguments.put("limit", Math.max(1, Math.min(20, limit)));
        if (!team(reading)) arguments.put("onlyMine", true);
        return single("see leads to call", "leadsToCall", arguments);
    }

    static Part scoreDrops(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("days", Math.min(90, days(reading, reading.lower().contains("month") ? 30 : 7)));
        if (mine(reading)) arguments.put("onlyMine", true);
        return single("see score drops", "scoreDrops", arguments);
    }

    static Part scoreLeads(Reading reading) {
        return single("score leads", "scoreMyLeads", Map.of());
    }

    static Part listWorkflows(Reading reading) {
        return single("see workflows", "listWorkflows", Map.of());
    }

    static Part searchNotes(Reading reading) {
        String query = Words.tidy(reading.text().replaceAll("(?i)^\\s*(?:who|which\\s+(?:contacts?|customers?|leads?|people))\\s+"
                + "(?:(?:has|have|had)\\s+)?(?:mentioned|talked\\s+about|brought\\s+up|asked\\s+about|raised|said\\s+anything\\s+about"
                + "|complained\\s+about|was\\s+asking\\s+about|is\\s+worried\\s+about)\\s+|^\\s*(?:search|find|show(?:\\s+me)?|any)\\s+"
                + "(?:the\\s+)?(?:notes|calls|meetings|interactions|emails)\\s+(?:about|mentioning|on|for|where|that\\s+mention)\\s+"
                + "|^\\s*what\\s+(?:did|have)\\s+(?:we|people|customers|contacts|they)\\s+(?:said|say)\\s+about\\s+|^\\s*notes\\s+about\\s+", ""));
        return single("search notes", "searchNotes", Map.of("query", query.isEmpty() ? reading.text() : query));
    }

    static Part askDocuments(Reading reading) {
        return single("search the knowledge base", "answerFromDocuments", Map.of("question", reading.text().strip()));
    }

    static Part findCompanies(Reading reading) {
        List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
        String query = !companies.isEmpty() ? reading.mentionSpan(RecordMention.COMPANY).text() : searchWords(reading);
        return single("find companies", "findCompanies", query.isEmpty() ? Map.of() : Map.of("query", query));
    }

    static Part accountSummary(Reading reading) {
        List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
        if (companies.isEmpty() || !reading.offers("accountSummary")) {
            String words = companies.isEmpty() ? searchWords(reading) : companies.getFirst().getFirst().name();
            if (words.isEmpty()) return Part.Question.plain("Which account do you mean? Give me the company's name.");
            if (!reading.offers("accountSummary")) return single("find companies", "findCompanies", Map.of("query", words));
            return new Part.Say("I could not find a company matching \"" + words + "\". Check the name, or say \"list companies\".");
        }
        Target company = Reading.choose(companies.getFirst(), reading.mentionSpan(RecordMention.COMPANY).text());
        return Action.of("see account summaries", RecordMention.COMPANY, "accountSummary", "companyId", Map.of())
                .part(company, null);
    }

    static Part findDeals(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
        List<List<RecordMention>> deals = reading.mentions(RecordMention.DEAL);
        List<List<RecordMention>> contacts = reading.mentions(RecordMention.CONTACT);
        if (!deals.isEmpty()) arguments.put("query", reading.mentionSpan(RecordMention.DEAL).text());
        else if (!companies.isEmpty()) arguments.put("query", companies.getFirst().getFirst().name());
        else if (!contacts.isEmpty()) arguments.put("query", contacts.getFirst().getFirst().name());
        else if (!reading.matched()) {
            String words = searchWords(reading);
            if (!words.isEmpty()) arguments.put("query", words);
        }
        reading.scan().of(Span.Kind.STAGE).stream().map(span -> span.as(Stage.class)).filter(Stage::forDeals).findFirst()
                .ifPresent(stage -> arguments.put("stage", stage.dealStage()));
        if (OPEN.matcher(reading.text()).find() && !arguments.containsKey("stage")) arguments.put("openOnly", true);
        if (mine(reading)) arguments.put("onlyMine", true);
        amounts(reading).ifPresent(bounds -> {
            if (bounds.min() != null) arguments.put("minAmount", bounds.min().toPlainString());
            if (bounds.max() != null) arguments.put("maxAmount", bounds.max().toPlainString());
        });
        reading.scan().of(Span.Kind.WHEN).stream().map(span -> span.as(When.class)).filter(when -> when.period() != null)
                .findFirst().ifPresent(when -> {
                    if (reading.lower().matches("(?s).*\\bclos(?:e|es|ing)\\b.*")) arguments.put("closing", when.period());
                });
        return single("find deals", "findDeals", arguments);
    }

    static Part findContacts(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        List<List<RecordMention>> contacts = reading.mentions(RecordMention.CONTACT);
        List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
        Optional<String> email = reading.scan().firstValue(Span.Kind.EMAIL, String.class);
        Optional<String> phone = reading.scan().firstValue(Span.Kind.PHONE, String.class);
        if (email.isPresent()) arguments.put("query", email.get());
        else if (phone.isPresent()) arguments.put("query", phone.get());
        else if (!contacts.isEmpty()) arguments.put("query", reading.mentionSpan(RecordMention.CONTACT).text());
        if (!companies.isEmpty()) {
            if (arguments.containsKey("query") || stage(reading).isPresent() || mine(reading)) {
                arguments.put("companyName", companies.getFirst().getFirst().name());
            } else {
                arguments.put("query", reading.mentionSpan(RecordMention.COMPANY).text());
            }
        }
        reading.scan().firstValue(Span.Kind.DOMAIN, String.class).ifPresent(domain -> arguments.putIfAbsent("query", domain));
        stage(reading).ifPresent(stage -> arguments.put("stage", stage));
        if (mine(reading)) arguments.put("onlyMine", true);
        scores(reading).ifPresent(bounds -> {
            if (bounds.min() != null) arguments.put("minScore", bounds.min().intValue());
            if (bounds.max() != null) arguments.put("maxScore", bounds.max().intValue());
        });
        reading.scan().firstValue(Span.Kind.DAYS, Integer.class).filter(days -> reading.lower()
                .matches("(?s).*\\b(?:not|haven'?t|havent|hasn'?t|no|without|since)\\b.*")).ifPresent(days -> arguments.put("notContactedDays", days));
        if (arguments.isEmpty() && !reading.matched()) {
            String words = searchWords(reading);
            if (!words.isEmpty()) arguments.put("query", words);
        }
        if (arguments.isEmpty() && reading.matched()) {
            String words = searchWords(reading);
            if (!words.isEmpty()) arguments.put("query", words);
        }
        return single("search contacts", "searchContacts", arguments);
    }

    /**
     * "how many ...": countRecords, unless the question bounds an amount or a score, which the count
     * cannot; then the search that can, whose answer says how many it found.
     */
    static Part count(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String lower = reading.lower();
        String kind = lower.matches("(?s).*\\b(?:deals?|opportunit(?:y|ies)|opps?)\\b.*") ? "deals"
                : lower.matches("(?s).*\\b(?:compan(?:y|ies)|accounts?)\\b.*") && !lower.matches("(?s).*\\b(?:contacts?|people)\\b.*") ? "companies"
                : lower.matches("(?s).*\\b(?:tasks?|to-?dos?|reminders?)\\b.*") ? "tasks"
                : lower.matches("(?s).*\\b(?:calls|meetings|emails|interactions|notes)\\b.*") ? "interactions" : "contacts";
        if (kind.equals("deals") && amounts(reading).isPresent()) return findDeals(reading);
        if (kind.equals("contacts") && scores(reading).isPresent()) return findContacts(reading);
        arguments.put("kind", kind);
        List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
        if (!companies.isEmpty() && !kind.equals("companies")) arguments.put("companyName", companies.getFirst().getFirst().name());
        reading.scan().of(Span.Kind.STAGE).stream().map(span -> span.as(Stage.class)).findFirst().ifPresent(stage -> {
            String value = kind.equals("deals") ? stage.dealStage() : kind.equals("contacts") ? stage.contactStage() : null;
            if (value != null) arguments.put("stage", value);
        });
        if ((kind.equals("deals") || kind.equals("tasks")) && OPEN.matcher(reading.text()).find()) arguments.put("openOnly", true);
        if (mine(reading)) arguments.put("mine", true);
        reading.scan().of(Span.Kind.WHEN).stream().map(span -> span.as(When.class)).filter(when -> when.period() != null)
                .findFirst().ifPresent(when -> arguments.put("createdIn", when.period()));
        return single("count records", "countRecords", arguments);
    }

    private static Optional<String> stage(Reading reading) {
        return reading.scan().of(Span.Kind.STAGE).stream().map(span -> span.as(Stage.class)).filter(Stage::forContacts)
                .map(Stage::contactStage).findFirst();
    }

    /** Money bounds: "over 100k", "between 10k and 50k", "deals > 50000". */
    private static Optional<Comparison> amounts(Reading reading) {
        return reading.scan().of(Span.Kind.COMPARISON).stream().map(span -> span.as(Comparison.class))
                .filter(bounds -> bounds.money() || !SCORE.matcher(reading.text()).find()).findFirst();
    }

    /** Score bounds: "score over 90", "scored 80+", "leads above 70". */
    private static Optional<Comparison> scores(Reading reading) {
        return reading.scan().of(Span.Kind.COMPARISON).stream().map(span -> span.as(Comparison.class))
                .filter(bounds -> !bounds.money() && within(bounds.min()) && within(bounds.max())).findFirst();
    }

    private static boolean within(BigDecimal value) {
        return value == null || value.compareTo(BigDecimal.ZERO) >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    static boolean mine(Reading reading) {
        return reading.scan().of(Span.Kind.SCOPE).stream().anyMatch(span -> span.as(Scope.class).mine());
    }

    static boolean team(Reading reading) {
        return reading.scan().of(Span.Kind.SCOPE).stream().anyMatch(span -> !span.as(Scope.class).mine());
    }

    /** The period the words name, as the report tools take it. */
    static String period(Reading reading, String otherwise) {
        return reading.scan().of(Span.Kind.WHEN).stream().map(span -> span.as(When.class)).filter(when -> when.period() != null)
                .map(When::period).findFirst().orElseGet(() -> reading.scan().of(Span.Kind.WHEN).stream()
                        .map(span -> span.as(When.class)).filter(when -> when.date() != null).map(when -> when.date().toString())
                        .findFirst().orElse(otherwise));
    }

    private static int days(Reading reading, int otherwise) {
        return reading.scan().firstValue(Span.Kind.DAYS, Integer.class).orElse(otherwise);
    }

    /** The words of a search once the asking words are taken out: "find leads at Zed" -> "Zed". */
    private static String searchWords(Reading reading) {
        String rest = reading.scan().without(reading.scan().all().stream().filter(span -> span.kind() != Span.Kind.RECORD).toList());
        return Words.tidy(SEARCH_WORDS.matcher(rest.replaceAll("[?!.]", " ")).replaceAll(" "));
    }

    private static Part single(String description, String tool, Map<String, Object> arguments) {
        return new Part.Steps(Plan.single(description, tool, arguments));
    }
}
