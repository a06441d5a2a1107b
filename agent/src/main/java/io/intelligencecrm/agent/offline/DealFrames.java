package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.Money;
import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.Stage;
import io.intelligencecrm.agent.offline.language.TextScan;
import io.intelligencecrm.agent.offline.language.When;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deals: create one from its name, amount, close date, contact and company in any order ("new deal for
 * Grace Liu: Orbitel expansion, 20k, closing in 3 weeks"), move one through the pipeline, win or lose it.
 */
final class DealFrames {
    private static final Pattern COMMAND = Pattern.compile("(?i)^\\s*(?:(?:please|pls|can\\s+you|could\\s+you|and|then|also)\\s+)*"
            + "(?:(?:add|create|new|open|start|set\\s+up|setup|make|log|put\\s+in|enter|register|book|track)\\s+)?"
            + "(?:(?:a|an|the)\\s+)?(?:new\\s+)?(?:\\d+(?:[.,]\\d+)?\\s*[km]?\\s+)?(?:deal|opportunity|opp|oppty)\\b\\s*(?:[:,-]\\s*)?");
    private static final Pattern CALLED = Pattern.compile("(?i)\\b(?:called|named|titled|name(?:d)?\\s*:)\\s+[\"“']?(?<name>[^,;\"”']+?)[\"”']?"
            + "\\s*(?=,|;|$|\\s+(?:for|with|worth|at|closing|close|closes|expected|due|by|in)\\b)");
    private static final Pattern CLOSING = Pattern.compile("(?i)\\b(?:closing|close\\s+date(?:\\s+(?:is|of))?|closes|to\\s+close|expected"
            + "(?:\\s+to)?\\s+close|expected\\s+close(?:\\s+date)?|close|due|target\\s+close|landing|lands?)\\s*(?:on|by|in|for|date|:)?\\s*$");
    private static final Pattern CONNECTOR = Pattern.compile("(?i)(?<![\\w'-])(?:for|with|worth|at|valued\\s+at|of|value|amount|"
            + "(?:that\\s+)?(?:is\\s+)?worth|totalling|totaling|by|on|in|to)\\s*$");
    private static final String LEFTOVER_WORD = "(?<![\\w'-])(?:worth|valued\\s+at|value|amount|closing|close|closes|"
            + "expected|due|and|for|with|at|of|in|the|deal|opportunity|opp|by|on|to|stage)(?![\\w'-])";
    private static final Pattern LEFTOVER = Pattern.compile("(?i)" + LEFTOVER_WORD);
    /** Clause words left dangling after a name once the contact, amount and date are cut out. */
    private static final Pattern TRAILING_LEFTOVER = Pattern.compile("(?i)(?:\\s+" + LEFTOVER_WORD + ")+\\s*$");
    private static final Pattern REASON = Pattern.compile("(?i)(?:\\s*[,:;—–-]\\s*|\\s+)(?:(?:because\\s+of|because|due\\s+to|reason:?|as|since|"
            + "over|on|to)\\s+)(?<reason>.+?)\\s*[.!]?$");
    /** "was lost, price too high": what follows the comma after "lost" is the reason. */
    private static final Pattern REASON_AFTER_LOST = Pattern.compile("(?i)\\blost\\s*[,:;—–-]\\s*(?!(?:and|then|also|please|thanks?|"
            + "thank\\s+you|ok|okay)\\b)(?<reason>[^,;]+?)\\s*[.!]?$");

    private DealFrames() {
    }

    static Part create(Reading reading) {
        TextScan scan = reading.scan();
        String text = reading.text();
        List<Span> used = new ArrayList<>();
        Map<String, Object> arguments = new LinkedHashMap<>();
        Optional<Span> amount = scan.of(Span.Kind.AMOUNT).stream().findFirst();
        amount.ifPresent(span -> {
            Money money = span.as(Money.class);
            arguments.put("amount", money.plain());
            if (money.currency() != null) arguments.put("currency", money.currency());
            used.add(span);
        });
        Optional<Span> close = closeDate(reading);
        close.ifPresent(span -> {
            arguments.put("expectedCloseDate", span.as(When.class).date().toString());
            used.add(span);
        });
        scan.of(Span.Kind.STAGE).stream().filter(span -> span.as(Stage.class).forDeals()).findFirst().ifPresent(span -> {
            String stage = span.as(Stage.class).dealStage();
            if (!stage.equals("prospecting") || span.text().toLowerCase(Locale.ROOT).startsWith("prospecting")) {
                arguments.put("stage", stage);
                used.add(span);
            }
        });
        Target contact = contactOfDeal(reading, used);
        String company = null;
        Span companySpan = connected(reading, RecordMention.COMPANY, used);
        if (companySpan != null) {
            company = companySpan.as(RecordMention.class).name();
            used.add(companySpan);
        }
        if (company == null && reading.antecedentCompany() != null && contact instanceof Target.Missing) {
            company = reading.antecedentCompany();
        }
        String name = name(reading, used);
        if (name.matches("(?i)(?:show|find|list|what|which|how|where|who|get|give|open|tell|search|any|add|create|new|log|remind|move"
                + "|set|schedule|email|send|call|mark)\\b.*|(?i).*\\b(?:to-?do|task|reminder)\\b.*")) {
            return Part.Question.plain("Do you want me to create a deal, or to find one? To create one, say for example \"new deal "
                    + "Acme renewal, 5k, closing end of month\".");
        }
        if (name.isEmpty() && company != null) name = company + " deal";
        if (name.isEmpty() && contact instanceof Target.Known known && known.name() != null) name = known.name() + " deal";
        if (name.isEmpty() && company == null && contact instanceof Target.Missing) {
            return Part.Question.plain("What is the deal called, and for which company or contact? For example \"new deal "
                    + "Acme renewal, 5k, with Jane Doe, closing end of month\".");
        }
        if (company != null) arguments.put("companyName", company);
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("name", name.isEmpty() ? "New deal" : name);
        ordered.putAll(arguments);
        Action action = Action.of("create deals", RecordMention.CONTACT, "createDeal", "contactId", ordered);
        return switch (contact) {
            case Target.Missing missing -> new Part.Steps(Plan.single("create deals", "createDeal", ordered));
            case Target.NotFound notFound -> new Part.Say("I could not find anyone matching \"" + notFound.words()
                    + "\", so I did not create the deal. Check the name, or add them first.");
            default -> action.part(contact, null);
        };
    }

    /** "... and set up a 3k deal" after adding a contact: the same deal, on the contact just made. */
    static Part createForEarlier(Reading reading, String kind) {
        Part part = create(reading);
        if (!(part instanceof Part.Steps steps) || steps.plan().steps().size() != 1) return part;
        Map<String, Object> arguments = new LinkedHashMap<>(steps.plan().steps().getFirst().arguments());
        if (arguments.containsKey("contactId") || !kind.equals(RecordMention.CONTACT)) return part;
        return new Part.Steps(Action.of("create deals", kind, "createDeal", "contactId", arguments).onEarlier());
    }

    /** The close date: the day after "closing", "close date", "due"; else the only day said. */
    private static Optional<Span> closeDate(Reading reading) {
        List<Span> days = reading.scan().of(Span.Kind.WHEN).stream().filter(span -> span.as(When.class).date() != null).toList();
        for (Span day : days) {
            String before = reading.text().substring(Math.max(0, day.start() - 40), day.start());
            if (CLOSING.matcher(before).find()) return Optional.of(day);
        }
        return days.size() == 1 ? Optional.of(days.getFirst()) : Optional.empty();
    }

    /** The contact the deal is with: named in the message, or "for her" (the one just talked about). */
    private static Target contactOfDeal(Reading reading, List<Span> used) {
        List<List<RecordMention>> groups = reading.mentions(RecordMention.CONTACT);
        if (!groups.isEmpty()) {
            Span span = reading.mentionSpan(RecordMention.CONTACT);
            used.add(span);
            return Reading.choose(groups.getFirst(), span.text());
        }
        Matcher pronoun = Pattern.compile("(?i)\\b(?:with|for)\\s+(?:her|him|them)\\b").matcher(reading.text());
        if (pronoun.find()) {
            used.add(new Span(pronoun.start(), pronoun.end(), pronoun.group(), Span.Kind.RECORD, null));
            if (reading.antecedentContact() != null) return reading.antecedentContact();
            Optional<Conversation.Seen> focus = reading.conversation().focus(RecordMention.CONTACT);
            // "for them" after a company was just made or named is that company's deal, not a contact's.
            if (focus.isEmpty() && pronoun.group().toLowerCase(Locale.ROOT).endsWith("them")) return new Target.Missing();
            return focus.<Target>map(seen -> new Target.Known(seen.id(), seen.name(), null)).orElse(new Target.NotFound("them"));
        }
        if (!reading.matched()) {
            Matcher words = Pattern.compile("(?i)\\b(?:with|for)\\s+(?<who>[\\p{Lu}][\\p{L}'-]+(?:\\s+[\\p{Lu}][\\p{L}'-]+)?)"
                    + "(?=\\s*[:,;]|\\s*$|\\s+(?:worth|for|closing|at|from)\\b)").matcher(reading.text());
            if (words.find()) {
                used.add(new Span(words.start(), words.end(), words.group(), Span.Kind.RECORD, null));
                return new Target.Lookup(words.group("who"));
            }
        }
        // "add Ben Ortiz ... and set up a 3k deal": a deal that names nobody is for the contact of the part before.
        return reading.antecedentContact() != null ? reading.antecedentContact() : new Target.Missing();
    }

    /** A record span said after "for", "with", "at" or "from": the deal's company, not part of its name. */
    private static Span connected(Reading reading, String kind, List<Span> used) {
        for (Span span : reading.scan().of(Span.Kind.RECORD)) {
            if (!span.as(RecordMention.class).is(kind) || used.stream().anyMatch(span::overlaps)) continue;
            String before = reading.text().substring(0, span.start());
            if (Pattern.compile("(?i)\\b(?:for|with|at|from|of)\\s*$").matcher(before).find()) return span;
            String after = reading.text().substring(span.end());
            if (after.matches("(?is)\\s*(?:deal|opportunity|opp)\\b.*") || COMMAND.matcher(before).matches()
                    && after.matches("(?s)\\s*(?:[,;:]|worth|for|\\d|$).*")) {
                return span;
            }
        }
        return null;
    }

    /** The deal's name: said after "called", after a colon, or what is left once everything else is read. */
    private static String name(Reading reading, List<Span> used) {
        Matcher called = CALLED.matcher(reading.text());
        if (called.find()) return Words.tidy(called.group("name"));
        String text = reading.text();
        Matcher command = COMMAND.matcher(text);
        int from = command.lookingAt() ? command.end() : 0;
        List<Span> cut = new ArrayList<>(used);
        cut.add(new Span(0, from, text.substring(0, from), Span.Kind.RECORD, null));
        String rest = TextScan.without(text, cut);
        List<String> pieces = new ArrayList<>();
        for (String piece : rest.split("\\s*[,;:]\\s*|\\s+[-–—]\\s+")) {
            String tidy = Words.tidy(LEFTOVER.matcher(" " + piece + " ").replaceAll(" "));
            if (!tidy.isEmpty() && tidy.matches(".*\\p{L}.*")) pieces.add(Words.tidy(CONNECTOR.matcher(piece).replaceAll("")));
        }
        if (pieces.isEmpty()) return "";
        String name = Words.tidy(pieces.getFirst().replaceAll("(?i)^(?:for|with|worth|the|a|an)\\s+", ""));
        // "Xylo expansion $5k with Quorra Vance closing ...": the clause words left between read parts end the name.
        name = Words.tidy(TRAILING_LEFTOVER.matcher(name).replaceAll(""));
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static Part stage(Reading reading, Stage stage) {
        String dealStage = stage.dealStage();
        Map<String, Object> arguments = new LinkedHashMap<>();
        String tool;
        if ("won".equals(dealStage)) {
            tool = "markDealWon";
        } else if ("lost".equals(dealStage)) {
            tool = "markDealLost";
            Matcher reason = REASON.matcher(reading.text());
            if (!reason.find()) reason = REASON_AFTER_LOST.matcher(reading.text());
            if (reason.find(0)) {
                // "as lost because of price": the reason is "price".
                String said = Words.tidy(reason.group("reason").replaceFirst("(?i)^(?:lost|dead|closed)\\s+(?:because\\s+of|because|due\\s+to"
                        + "|over|to|on)\\s+", ""));
                if (!said.isEmpty() && !said.matches("(?i)lost|the deal|it|a competitor")) arguments.put("reason", said);
                else if (said.equalsIgnoreCase("a competitor")) arguments.put("reason", "chose a competitor");
            }
        } else {
            tool = "moveDealStage";
            arguments.put("stage", dealStage);
        }
        String description = tool.equals("moveDealStage") ? "move deals" : "close deals";
        Action action = Action.of(description, RecordMention.DEAL, tool, "dealId", arguments);
        Target deal = deal(reading);
        return action.part(deal, "Which deal do you mean? Give me its name or its company.");
    }

    /** The deal a message means: one it names, its company's only open deal, the one just talked about. */
    static Target deal(Reading reading) {
        List<List<RecordMention>> deals = reading.mentions(RecordMention.DEAL);
        if (!deals.isEmpty()) {
            List<RecordMention> candidates = deals.getFirst();
            List<RecordMention> open = candidates.stream().filter(deal -> deal.detail() == null
                    || !deal.detail().toLowerCase(Locale.ROOT).matches(".*\\b(?:won|lost)\\b.*")).toList();
            Span span = reading.mentionSpan(RecordMention.DEAL);
            if (open.size() == 1 && candidates.stream().noneMatch(RecordMention::recent)) {
                return new Target.Known(open.getFirst().id(), open.getFirst().name(), open.getFirst());
            }
            return Reading.choose(open.isEmpty() ? candidates : open, span.text());
        }
        Target target = reading.target(RecordMention.DEAL, null);
        if (!(target instanceof Target.Missing)) return target;
        List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
        if (!companies.isEmpty()) return new Target.Lookup(companies.getFirst().getFirst().name());
        String words = NameWords.guess(reading, Pattern.compile("(?i)^\\s*(?:please\\s+)?(?:move|mark|set|change|bump|push|advance|"
                + "put|close|update)\\b"), Span.Kind.STAGE, Span.Kind.WHEN, Span.Kind.AMOUNT);
        words = words.replaceAll("(?i)\\b(?:we|won|lost|signed|closed|deal|back|stage|as|to|into|the)\\b", " ").strip();
        return words.isEmpty() ? new Target.Missing() : reading.matched() ? new Target.NotFound(words) : new Target.Lookup(words);
    }
}
