package io.intelligencecrm.agent.offline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One email to a group: "email all my customers in Germany about the webinar on Thursday", "draft a
 * follow-up to everyone I met last week", "send the contacts at Acme a note about the new pricing".
 * The group is found with findEmailAudience (stage, company, country, owner, who was met when), one
 * shared subject and body are written from the user's words, and proposeSendEmails makes it a single
 * proposal a person approves. Only a group the words narrow down (a company, a country, "my", who was
 * met when) is emailed: "email everyone" or "email every customer" alone is not understood.
 */
final class GroupEmailCommands {
    private static final Pattern VERB = Pattern.compile("(?i)^\\s*(?:please\\s+|can you\\s+|could you\\s+)*"
            + "(?<verb>draft|write|compose|prepare|send|e-?mail|mail|message)\\b\\s*(?<rest>.*)$");
    private static final Pattern PURPOSE = Pattern.compile(
            "(?i)\\s+(?:about|regarding|concerning|re:|on the subject of)\\s*(?<purpose>.+)$");
    private static final Pattern KIND = Pattern.compile("(?i)\\b(?:an?\\s+|one\\s+)?(?:quick\\s+|short\\s+|shared\\s+|"
            + "group\\s+|single\\s+)*(?<kind>follow[- ]?ups?|e-?mails?|notes?|messages?|mails?|invites?|invitations?|"
            + "reminders?|updates?)\\b");
    private static final Pattern GROUP = Pattern.compile("(?i)\\b(?:everyone|everybody|all|every|each|contacts|"
            + "people|customers|clients|leads|prospects|folks)\\b");
    /** What was done with the group and when: "I met last week", "we spoke to yesterday", "I called this month". */
    private static final Pattern TOUCHED = Pattern.compile("(?i)\\b(?:(?:who|whom|that)\\s+)?(?:i|we)\\s+(?:have\\s+|had\\s+)?"
            + "(?<verb>met|meet|called|phoned|spoke|talked|emailed|had (?:a )?(?:meetings?|calls?))"
            + "(?:\\s+(?:with|to))?(?:\\s+(?<period>" + periods() + "))?");
    private static final Pattern PERIOD = Pattern.compile("(?i)\\b(?:" + periods() + ")\\b");
    private static final Pattern COMPANY = Pattern.compile(
            "(?i)\\b(?:at|from|of|with)\\s+(?<company>[^,;]+?)(?=\\s+(?:in|who|whom|that|i|we)\\b|\\s*[,;]|$)");
    private static final Pattern COUNTRY = Pattern.compile(
            "(?i)\\b(?:in|based in)\\s+(?<country>(?:the\\s+)?[\\p{L}][\\p{L} ]*?)(?=\\s+(?:at|from|who|whom|that)\\b|\\s*[,;]|$)");
    private static final Pattern MINE = Pattern.compile("(?i)\\b(?:my|mine|i own)\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)\\b(?<phrase>(?:on |this |next )?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^(?:the|our|a|an)\\s+");
    private static final Map<String, String> STAGES = Map.of("customer", "customer", "client", "customer",
            "lead", "lead", "prospect", "lead", "qualified", "qualified", "lost", "lost");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private GroupEmailCommands() {
    }

    /** @return the plan, or null when the text is no email to a group */
    static Plan understand(String text, LocalDate today) {
        String sentence = text.strip().replaceAll("\\s+", " ").replaceAll("[.!?]+$", "");
        Matcher verb = VERB.matcher(sentence);
        if (!verb.matches()) return null;
        String rest = verb.group("rest");
        String purpose = null;
        Matcher about = PURPOSE.matcher(rest);
        if (about.find()) {
            purpose = about.group("purpose").strip();
            rest = rest.substring(0, about.start());
        }
        Matcher kind = KIND.matcher(rest);
        String kindWord = kind.find() ? kind.group("kind").toLowerCase(Locale.ROOT) : null;
        boolean followUp = kindWord != null && kindWord.startsWith("follow");
        // "draft a note" with no group word and "draft to Jane" are the single-contact commands.
        boolean addressed = verb.group("verb").toLowerCase(Locale.ROOT).matches("e-?mail|mail|message|send")
                || rest.toLowerCase(Locale.ROOT).startsWith("to ");
        if (kindWord == null && !addressed) return null;
        String audience = (kindWord == null ? rest : rest.substring(0, kind.start()) + " " + rest.substring(kind.end()))
                .replaceAll("(?i)^\\s*(?:to|for)\\s+|\\s+(?:to|for)\\s*$", " ").replaceAll("(?i)\\b(?:to|for)\\s+(?=all|every|my|the)", " ")
                .replaceAll("(?i)\\b(all|each|every one) of\\s+", "$1 ").strip();
        if (!GROUP.matcher(audience).find()) return null;
        Map<String, Object> filters = new LinkedHashMap<>();
        String touchedWhen = touched(audience, filters);
        audience = TOUCHED.matcher(audience).replaceAll(" ");
        stage(audience).ifPresent(stage -> filters.put("stage", stage));
        if (MINE.matcher(audience).find()) filters.put("onlyMine", true);
        Matcher country = COUNTRY.matcher(audience);
        String withoutCountry = audience;
        if (country.find() && !isPeriod(country.group("country"))) {
            filters.put("country", country.group("country").strip());
            withoutCountry = audience.substring(0, country.start()) + audience.substring(country.end());
        }
        Matcher company = COMPANY.matcher(withoutCountry);
        if (company.find()) filters.put("companyName", company.group("company").strip());
        // "everyone" or "every customer" is the whole database or a whole stage: not emailed on a guess.
        if (filters.isEmpty() || filters.keySet().equals(Set.of("stage"))) return null;
        if (purpose == null && touchedWhen != null) followUp = true;
        if (purpose == null && !followUp) return null;
        String topic = purpose == null ? null : withDates(purpose, today);
        Map<String, Object> email = new LinkedHashMap<>();
        Object touchedBy = filters.get("interactionType");
        email.put("subject", subject(topic, followUp, touchedBy));
        email.put("body", body(topic, followUp, touchedWhen, touchedBy));
        return new Plan("email a group of contacts", List.of(Plan.Step.of("findEmailAudience", filters),
                Plan.Step.needingIds("proposeSendEmails", "contactIds", email)), null);
    }

    /** Fills the interaction filters from "I met last week"; returns how to say when, or null. */
    private static String touched(String audience, Map<String, Object> filters) {
        Matcher touched = TOUCHED.matcher(audience);
        if (!touched.find()) return null;
        String verb = touched.group("verb").toLowerCase(Locale.ROOT);
        String period = touched.group("period");
        if (period == null) {
            Matcher anywhere = PERIOD.matcher(audience);
            period = anywhere.find() ? anywhere.group() : "last 30 days";
        }
        period = period.toLowerCase(Locale.ROOT);
        filters.put("interactedIn", period);
        if (verb.startsWith("me") || verb.contains("meeting")) filters.put("interactionType", "meeting");
        else if (verb.equals("called") || verb.equals("phoned") || verb.contains("call")) filters.put("interactionType", "call");
        else if (verb.equals("emailed")) filters.put("interactionType", "email");
        return period;
    }

    private static Optional<String> stage(String audience) {
        Matcher word = Pattern.compile("(?i)\\b(customer|client|lead|prospect|qualified|lost)s?\\b").matcher(audience);
        return word.find() ? Optional.of(STAGES.get(word.group(1).toLowerCase(Locale.ROOT)))
                : Optional.empty();
    }

    private static boolean isPeriod(String words) {
        return PERIOD.matcher(words).find() || words.strip().matches("(?i)(?:the\\s+)?(?:pipeline|stage|crm|system)");
    }

    /** "the webinar on Thursday" names the day too, since the email is read on another day. */
    static String withDates(String purpose, LocalDate today) {
        Matcher weekday = WEEKDAY.matcher(purpose);
        if (!weekday.find()) return purpose;
        LocalDate day = LocalDate.parse(RelativeDates.resolve(weekday.group("day"), today));
        return purpose.substring(0, weekday.start()) + "on " + DAY.format(day) + purpose.substring(weekday.end());
    }

    private static String subject(String topic, boolean followUp, Object touchedBy) {
        if (topic == null) {
            return "Following up on our " + ("meeting".equals(touchedBy) ? "meeting" : "call".equals(touchedBy) ? "call"
                    : "conversation");
        }
        String plain = LEADING_ARTICLE.matcher(topic).replaceFirst("");
        String subject = Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
        if (followUp) subject = "Following up: " + subject;
        return subject.length() > 150 ? subject.substring(0, 150) : subject;
    }

    /** Plain, honest template text built only from what the user said; the user reads it before approving. */
    private static String body(String topic, boolean followUp, String when, Object touchedBy) {
        StringBuilder body = new StringBuilder("Hi {{firstName}},\n\n");
        if (followUp) {
            body.append("meeting".equals(touchedBy) ? "Thank you for meeting with me"
                    : "call".equals(touchedBy) ? "Thank you for speaking with me" : "Thank you for your time");
            body.append(when == null ? " recently." : " " + when + ".");
            body.append(topic == null ? " I wanted to follow up on our conversation.\n\n"
                    : " I wanted to follow up about " + topic + ".\n\n");
        } else {
            body.append("I'm writing to you about ").append(topic).append(".\n\n");
        }
        body.append("If you have any questions, or would like to talk it through, just reply to this email.\n\n"
                + "Best regards");
        return body.toString();
    }

    private static String periods() {
        return "today|yesterday|this week|last week|this month|last month|this quarter|last quarter|this year|"
                + "last \\d{1,3} (?:days|weeks)";
    }
}
