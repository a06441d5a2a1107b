package io.intelligencecrm.agent.offline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command language offline mode understands (documented in docs/using/chat.md): adding contacts,
 * logging calls, notes and meetings, moving contacts between stages, finding people and the
 * pipeline and activity questions; deal, company, outreach and contact changes live beside it. Each
 * command becomes a {@link Plan}: one tool call, or a lookup followed by the calls that need its id.
 */
final class OfflineCommands {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{6,}\\d");
    private static final Pattern CREATE = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:add|create|new)\\s+(?:a\\s+)?(?:new\\s+)?(?:contact|lead|person|prospect)?\\s*[:,]?\\s*(?<rest>.*)$");
    /** "add"/"create" leave no doubt, so the analytics keywords in a note ("asked about the pipeline") do not win. */
    private static final Pattern EXPLICIT_CREATE = Pattern.compile("(?i)^\\s*(?:please\\s+)?(?:add|create)\\b");
    private static final Pattern NAME_AND_COMPANY = Pattern.compile(
            "^(?<name>[\\p{L}][\\p{L}'’-]*(?:\\s+[\\p{L}][\\p{L}'’-]*)?)(?:\\s+(?:from|at|of|with)\\s+(?<company>[^,.;]+?))?"
                    + "(?:\\s*(?:[,.;]|\\s-\\s|\\s+(?=she\\b|he\\b|they\\b|who\\b))\\s*(?<note>.*))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOG = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?log\\s+(?:a|an)?\\s*(?<type>call|note|meeting|email|sms)\\s+(?:with|for|to|on|about)\\s+"
                    + "(?<who>[^:,;]+?)\\s*(?:(?:[:,;]|\\s-|(?=(?:about|regarding|re)\\b))\\s*(?<content>.*))?$");
    /** "with Jane Doe yesterday": when it happened, said after the name. */
    private static final Pattern WHEN = Pattern.compile("(?i)\\s+(?<when>yesterday|today|earlier today|this morning|this afternoon)$");
    private static final Pattern STAGE = Pattern.compile(
            "(?i)^\\s*(?:move|mark|change|set)\\s+(?<who>.+?)\\s+(?:to|as)\\s+(?:a\\s+|an\\s+)?(?<stage>lead|qualified|customer|lost)\\s*[.!]?$");
    private static final Pattern FIND = Pattern.compile(
            "(?i)^\\s*(?:find|search(?:\\s+for)?|look\\s+up|who\\s+is|show(?:\\s+me)?)\\s+(?<query>.+?)\\s*[?.!]?$");
    private static final Pattern COMPANY = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:add|create|new)\\s+(?:a\\s+)?(?:new\\s+)?(?:company|account)\\s*[:,]?\\s*"
                    + "(?<name>[^,;]+?)\\s*(?:[,;]\\s*(?<rest>.*?))?\\s*[.!]?$");
    private static final Pattern DOMAIN = Pattern.compile("(?i)(?<![@\\w.-])[a-z0-9-]+(?:\\.[a-z0-9-]+)+");
    private static final Pattern BULK = Pattern.compile(
            "(?i)\\b(?:all|every|everyone|everybody|everything|contacts|deals)\\b");
    private static final Pattern LABEL = Pattern.compile("(?i)(?:\\b(?:with|and)\\s+)?(?:\\ba\\s+|\\ban\\s+)?\\b(?:"
            + "e-?mail(?:\\s+address)?\\s*[:=]?\\s*(?=[\\w.+-]+@)|(?:phone|tel|mobile|cell)(?:\\s+number)?\\s*[:=]?\\s*"
            + "(?=\\+?\\(?\\d))");
    /** "Jane Doe (CTO)": a job title in brackets after the name. */
    private static final Pattern TITLE = Pattern.compile("(?<=\\p{L})\\s*\\((?<title>[^()@\\d]{2,60})\\)");
    /** ", from Acme" after the name and details: the company, said later. */
    private static final Pattern LATER_COMPANY = Pattern.compile(
            "(?i)(?:from|at|of|works\\s+at|who\\s+works\\s+at)\\s+(?<company>[^,.;]+?)\\s*(?=[,.;]|$)");
    private static final Pattern DAYS = Pattern.compile("(?i)(\\d{1,3})\\s+days");
    private static final Pattern PERIOD = Pattern.compile(
            "(?i)\\b(today|yesterday|this week|last week|this month|last month|next month|this quarter|last quarter|"
                    + "this year|(?:last|next) \\d{1,3} (?:days|weeks))\\b");

    /** @return the plan, or null when the text is not a command offline mode knows */
    Plan understand(String typed, LocalDate today) {
        // "MOVE JANE TO QUALIFIED!!" and stray spaces read like the plain sentence.
        String text = Phrasings.canonical(typed.strip().replaceAll("\\s+", " ").replaceAll("([.!?])[.!?]+$", "$1"));
        String lower = text.toLowerCase(Locale.ROOT);
        Plan workflow = WorkflowCommands.understand(text);
        if (workflow != null) return workflow;
        Plan workflowChange = WorkflowChangeCommands.understand(text);
        if (workflowChange != null) return workflowChange;
        Plan group = BulkCommands.understand(text);
        if (group != null) return group;
        Plan groupEmail = GroupEmailCommands.understand(text, today);
        if (groupEmail != null) return groupEmail;
        Plan specific = firstOf(ScoringCommands.understand(text), KnowledgeCommands.understand(text),
                DealCommands.understand(text, today), company(text),
                ContactChangeCommands.understand(text), OutreachCommands.understand(text));
        // "delete all contacts", "email every contact": one record at a time only, so these are not understood.
        if (specific != null) {
            return specific.subject() != null && BULK.matcher(specific.subject()).find() ? null : specific;
        }
        Matcher log = LOG.matcher(text);
        if (log.matches()) {
            String who = log.group("who").strip();
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("type", log.group("type").toLowerCase(Locale.ROOT));
            Matcher when = WHEN.matcher(who);
            String occurred = null;
            if (when.find()) {
                occurred = when.group("when").toLowerCase(Locale.ROOT).equals("yesterday") ? "yesterday" : "today";
                who = who.substring(0, when.start()).strip();
            }
            String content = log.group("content") == null ? "" : log.group("content").strip();
            if (content.isEmpty()) content = log.group("type") + " with " + who;
            // "had a meeting with Jane about pricing": the topic alone would read oddly on the timeline.
            else if (content.matches("(?i)^(?:about|regarding|re)\\b.*")) content = capitalised(log.group("type")) + " " + content;
            arguments.put("content", content);
            if (occurred != null) arguments.put("occurredAt", occurred);
            return Plan.lookup("log interactions", "searchContacts", who,
                    Plan.Step.needingId("logInteraction", "contactId", arguments));
        }
        Matcher stage = STAGE.matcher(text);
        if (stage.matches()) {
            String who = stage.group("who").strip();
            return Plan.lookup("change contacts", "searchContacts", who, Plan.Step.needingId("changeContactStage",
                    "contactId", Map.of("stage", stage.group("stage").toLowerCase(Locale.ROOT))));
        }
        Matcher create = CREATE.matcher(text);
        boolean creates = create.matches();
        if (creates && EXPLICIT_CREATE.matcher(text).lookingAt()) {
            Plan plan = create(create.group("rest"));
            if (plan != null) return plan;
        }
        Plan analytics = analytics(lower);
        if (analytics != null) return analytics;
        if (creates) return create(create.group("rest"));
        Plan lookup = LookupCommands.understand(text);
        if (lookup != null) return lookup;
        // An address or a number on its own: who is that?
        if (EMAIL.matcher(text).matches() || PHONE.matcher(text).matches()) {
            return Plan.single("search contacts", "searchContacts", Map.of("query", text.strip()));
        }
        Matcher find = FIND.matcher(text);
        if (find.matches()) return Plan.single("search contacts", "searchContacts", Map.of("query", find.group("query")));
        return null;
    }

    private static Plan firstOf(Plan... plans) {
        for (Plan plan : plans) {
            if (plan != null) return plan;
        }
        return null;
    }

    private static Plan company(String text) {
        Matcher company = COMPANY.matcher(text);
        if (!company.matches()) return null;
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("name", company.group("name").strip());
        String rest = company.group("rest") == null ? "" : company.group("rest");
        Matcher domain = DOMAIN.matcher(rest);
        if (domain.find()) arguments.put("domain", domain.group().toLowerCase(Locale.ROOT));
        String industry = DOMAIN.matcher(rest).replaceAll(" ").replaceAll("(?i)\\bin\\b|[,;]", " ").strip();
        if (!industry.isEmpty()) arguments.put("industry", industry.replaceAll("\\s{2,}", " "));
        return Plan.single("create companies", "createCompany", arguments);
    }

    private static Plan analytics(String lower) {
        String period = period(lower);
        if (lower.contains("pipeline")) return Plan.single("see the pipeline", "pipelineByStage", Map.of());
        if (lower.contains("new leads") || lower.contains("leads came in") || lower.contains("new contacts")) {
            return Plan.single("see new leads", "newLeads", Map.of("period", period == null ? "this week" : period));
        }
        if (lower.contains("closing")) {
            return Plan.single("see deals closing", "dealsClosing", Map.of("period", period == null ? "this month" : period));
        }
        if (lower.contains("stale") || lower.contains("went quiet") || lower.contains("gone quiet")
                || lower.contains("no activity")) {
            Matcher days = DAYS.matcher(lower);
            return Plan.single("see stale deals", "staleDeals", Map.of("days", days.find() ? Integer.parseInt(days.group(1)) : 14));
        }
        if (lower.contains("activity")) {
            return Plan.single("see activity", "activityByRep", Map.of("period", period == null ? "this month" : period));
        }
        if (lower.contains("conversion")) {
            return Plan.single("see conversion", "conversionBySource",
                    Map.of("period", period == null ? "last 90 days" : period));
        }
        return null;
    }

    private static String period(String lower) {
        Matcher period = PERIOD.matcher(lower);
        return period.find() ? period.group(1) : null;
    }

    private static Plan create(String said) {
        // Labels before an address ("email jane@acme.com", "with phone 555 ...") say nothing the value does not.
        String rest = LABEL.matcher(said.replaceFirst("(?i)^\\s*(?:named|called)\\s+", "")).replaceAll(" ");
        Map<String, Object> arguments = new LinkedHashMap<>();
        Matcher title = TITLE.matcher(rest);
        if (title.find()) {
            arguments.put("title", title.group("title").strip());
            rest = rest.substring(0, title.start()) + rest.substring(title.end());
        }
        Matcher email = EMAIL.matcher(rest);
        if (email.find()) arguments.put("email", email.group());
        String withoutEmail = EMAIL.matcher(rest).replaceAll(" ");
        Matcher phone = PHONE.matcher(withoutEmail);
        if (phone.find()) arguments.put("phone", phone.group().strip());
        String cleaned = PHONE.matcher(withoutEmail).replaceAll(" ").replaceAll("\\([\\s,;]*\\)|<\\s*>|\\s+,", ",")
                .replaceAll("\\s{2,}", " ").strip();
        Matcher parts = NAME_AND_COMPANY.matcher(cleaned);
        if (cleaned.isEmpty() && arguments.containsKey("email")) {
            return Plan.single("create contacts", "createContact", arguments);
        }
        if (!parts.matches()) return null;
        String[] name = parts.group("name").strip().split("\\s+");
        arguments.put("firstName", capitalised(name[0]));
        if (name.length > 1) arguments.put("lastName", capitalised(name[1]));
        if (parts.group("company") != null) arguments.put("companyName", parts.group("company").strip());
        String note = parts.group("note") == null ? "" : parts.group("note").replaceFirst("^[\\s,.;:-]+", "").strip();
        Matcher company = LATER_COMPANY.matcher(note);
        if (!arguments.containsKey("companyName") && company.lookingAt()) {
            arguments.put("companyName", company.group("company").strip());
            note = note.substring(company.end()).replaceFirst("^[\\s,.;:-]+", "").strip();
        }
        if (!note.isEmpty()) arguments.put("note", note);
        return Plan.single("create contacts", "createContact", arguments);
    }

    /** "Jane", "jane" and "JANE" all become "Jane"; "McKay" keeps its inner capital. */
    private static String capitalised(String word) {
        String cased = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
                ? word.toLowerCase(Locale.ROOT) : word;
        return cased.isEmpty() ? cased : Character.toUpperCase(cased.charAt(0)) + cased.substring(1);
    }
}
