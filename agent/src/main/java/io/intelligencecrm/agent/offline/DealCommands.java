package io.intelligencecrm.agent.offline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deal commands: create one (amount, currency, contact, close date), move it, mark it won or lost, give it to someone. */
final class DealCommands {
    private static final Pattern CREATE = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:add|create|new)\\s+(?:a\\s+)?(?:new\\s+)?deal\\s*[:,]?\\s*(?<rest>.+?)\\s*[.!]?$");
    private static final Pattern CLOSING = Pattern.compile(
            "(?i)[,\\s]+(?:closing|to close|closes|close date|expected to close)\\s+(?:on\\s+|by\\s+)?(?<when>.+)$");
    private static final Pattern WITH = Pattern.compile("(?i)[,\\s]+with\\s+(?<who>[^,]+?)\\s*(?=,|$)");
    /** "a deal for her: Vertex pilot", "new deal Vertex pilot for him": the contact an earlier result named. */
    private static final Pattern FOR_REFERENCE = Pattern.compile("(?i)(?:^|[,\\s]+)for\\s+(?<who>her|him|them)\\b\\s*[:,-]?\\s*");
    private static final Pattern MOVE = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:move|set|change)\\s+(?:the\\s+)?(?<deal>.+?)\\s+deal\\s+(?:to|into)\\s+"
                    + "(?:the\\s+)?(?<stage>prospecting|qualification|proposal|negotiation|won|lost)(?:\\s+stage)?\\s*[.!]?$");
    private static final Pattern MARK = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?mark\\s+(?:the\\s+)?(?<deal>.+?)\\s+deal\\s+as\\s+(?<outcome>won|lost)"
                    + "(?:\\s*[,:;-]\\s*(?:(?:because\\s+of|because|due\\s+to|reason:?)\\s+)?(?<reason>.+?)"
                    + "|\\s+(?:because\\s+of|because|due\\s+to|reason:?)\\s+(?<because>.+?))?\\s*[.!]?$");
    private static final Pattern ASSIGN = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:assign|give|hand(?:\\s+over)?)\\s+(?:the\\s+)?(?<deal>.+?)\\s+deal\\s+to\\s+"
                    + "(?<owner>[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)\\s*[.!]?$");

    /** "it" for a deal only where no contact command reads the same: contacts are never won or in negotiation. */
    private static final Pattern MOVE_IT = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:move|set|change)\\s+it\\s+(?:to|into)\\s+(?:the\\s+)?"
                    + "(?<stage>prospecting|qualification|proposal|negotiation)(?:\\s+stage)?\\s*[.!]?$");
    private static final Pattern WON_IT = Pattern.compile("(?i)^\\s*(?:please\\s+)?mark\\s+it\\s+as\\s+won\\s*[.!]?$");

    private DealCommands() {
    }

    /** @return the plan, or null when the text is no deal command */
    static Plan understand(String text, LocalDate today) {
        Matcher create = CREATE.matcher(text);
        if (create.matches()) return create(create.group("rest"), today);
        Matcher move = MOVE.matcher(text);
        if (!move.matches()) move = MOVE_IT.matcher(text);
        if (move.matches()) {
            String deal = move.pattern() == MOVE_IT ? "that deal" : dealSubject(move.group("deal"));
            return Plan.lookup("move deals", "findDeals", deal, Plan.Step.needingId(
                    "moveDealStage", "dealId", Map.of("stage", move.group("stage").toLowerCase(Locale.ROOT))));
        }
        if (WON_IT.matcher(text).matches()) {
            return Plan.lookup("close deals", "findDeals", "that deal", Plan.Step.needingId("markDealWon", "dealId", Map.of()));
        }
        Matcher assign = ASSIGN.matcher(text);
        if (assign.matches()) {
            return Plan.lookup("assign deals", "findDeals", dealSubject(assign.group("deal")), Plan.Step.needingId(
                    "assignDealOwner", "dealId", Map.of("ownerEmail", assign.group("owner").toLowerCase(Locale.ROOT))));
        }
        Matcher mark = MARK.matcher(text);
        if (mark.matches()) {
            String deal = dealSubject(mark.group("deal"));
            if (mark.group("outcome").equalsIgnoreCase("won")) {
                return Plan.lookup("close deals", "findDeals", deal, Plan.Step.needingId("markDealWon", "dealId", Map.of()));
            }
            String said = mark.group("reason") != null ? mark.group("reason") : mark.group("because");
            Map<String, Object> reason = said == null ? Map.of() : Map.of("reason", said);
            return Plan.lookup("close deals", "findDeals", deal, Plan.Step.needingId("markDealLost", "dealId", reason));
        }
        return null;
    }

    /** "that deal" and "this deal" name the deal an earlier result found. */
    private static String dealSubject(String named) {
        String subject = named.strip();
        return subject.matches("(?i)that|this") ? "that deal" : subject;
    }

    private static Plan create(String rest, LocalDate today) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String remaining = rest;
        Matcher closing = CLOSING.matcher(remaining);
        if (closing.find()) {
            arguments.put("expectedCloseDate", RelativeDates.resolve(closing.group("when"), today));
            remaining = remaining.substring(0, closing.start());
        }
        Matcher with = WITH.matcher(remaining);
        String who = null;
        if (with.find()) {
            who = with.group("who").strip();
            remaining = remaining.substring(0, with.start()) + remaining.substring(with.end());
        }
        Matcher forReference = FOR_REFERENCE.matcher(remaining);
        if (who == null && forReference.find()) {
            who = forReference.group("who");
            remaining = remaining.substring(0, forReference.start()) + " " + remaining.substring(forReference.end());
        }
        Amounts.Amount amount = Amounts.find(remaining);
        if (amount != null) {
            arguments.put("amount", amount.amount());
            if (amount.currency() != null) arguments.put("currency", amount.currency());
            remaining = remaining.replace(amount.text(), " ");
        }
        String name = remaining.replaceAll("(?i)\\s+(?:for|of|worth)(?=[\\s,]*$)", "").replaceAll("[\\s,]+$", "")
                .replaceAll("\\s{2,}", " ").strip();
        if (name.isEmpty()) return null;
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("name", name);
        ordered.putAll(arguments);
        if (who == null) return Plan.single("create deals", "createDeal", ordered);
        return Plan.lookup("create deals", "searchContacts", who,
                Plan.Step.needingId("createDeal", "contactId", ordered));
    }
}
