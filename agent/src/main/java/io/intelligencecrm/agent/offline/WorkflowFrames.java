package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.Comparison;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.When;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recurring requests become a proposed workflow, never a one-off run: "every Monday 9am email me my
 * stale deals", "each morning send me my tasks", "when a lead scores above 80, draft an intro". Also
 * pausing, resuming and deleting a workflow by name. The user approves a workflow before it runs.
 */
final class WorkflowFrames {
    private static final Pattern DAY = Pattern.compile("(?i)\\b(?:every|each|on)\\s+(?<day>monday|tuesday|wednesday|thursday|friday|saturday"
            + "|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)s?\\b|\\b(?<plural>monday|tuesday|wednesday|thursday|friday|saturday"
            + "|sunday)s\\b|\\b(?<daily>every\\s+(?:single\\s+)?day|each\\s+day|daily|every\\s+morning|each\\s+morning|mornings|"
            + "every\\s+evening|every\\s+night|nightly)\\b|\\b(?<weekdays>every\\s+weekday|each\\s+weekday|weekdays|every\\s+work\\s*day|"
            + "on\\s+weekdays|mon(?:day)?\\s*-\\s*fri(?:day)?)\\b|\\b(?<weekly>weekly|every\\s+week|each\\s+week|once\\s+a\\s+week)\\b");
    private static final Pattern SCORED = Pattern.compile("(?i)\\b(?:when|whenever|once|if)\\b.*\\b(?:scores?|score\\s+(?:is|goes|gets))\\b");
    private static final Pattern CHANGE = Pattern.compile("(?i)\\b(?<verb>pause|stop|turn\\s+off|disable|suspend|halt|resume|restart|reactivate"
            + "|turn\\s+(?:\\w+\\s+)*on|enable|unpause|re-?enable|delete|remove|kill|get\\s+rid\\s+of)\\b");
    private static final Pattern NAME_WORDS = Pattern.compile("(?i)(?<![\\w'])(?:please|pls|the|my|our|a|an|workflow|workflows|automation"
            + "|automations|pause|stop|turn|off|on|back|disable|suspend|halt|resume|restart|reactivate|enable|unpause|re-?enable|delete"
            + "|remove|kill|get|rid|of|again|it|for\\s+now|now)(?![\\w'])");
    private static final Map<String, String> DAYS = Map.of("mon", "MON", "tue", "TUE", "wed", "WED", "thu", "THU", "fri", "FRI",
            "sat", "SAT", "sun", "SUN");

    private WorkflowFrames() {
    }

    static Part create(Reading reading) {
        String lower = reading.lower();
        if (SCORED.matcher(lower).find()) return scored(reading);
        String report = lower.matches("(?s).*\\b(?:stale|quiet|idle|cold|stuck|dormant|stalled|inactive|no\\s+activity)\\b.*") ? "quiet_deals"
                : lower.matches("(?s).*\\b(?:tasks?|to-?dos?|reminders?)\\b.*") ? "open_tasks"
                : lower.matches("(?s).*\\b(?:leads?|sign-?ups|contacts)\\b.*") ? "new_leads" : null;
        if (report == null) {
            return new Part.Say("I can set up a recurring email of your new leads, your deals that went quiet, or your open tasks"
                    + " (for example \"every Monday at 9am email me my stale deals\"). Which of these do you want, and when?");
        }
        Matcher day = DAY.matcher(reading.text());
        String days = "MON";
        String when = "Mondays";
        if (day.find()) {
            if (day.group("daily") != null) {
                days = "*";
                when = "Daily";
            } else if (day.group("weekdays") != null) {
                days = "MON-FRI";
                when = "Weekdays";
            } else if (day.group("weekly") != null) {
                days = "MON";
                when = "Mondays";
            } else {
                String word = (day.group("day") != null ? day.group("day") : day.group("plural")).toLowerCase(Locale.ROOT);
                days = DAYS.get(word.substring(0, 3));
                when = Character.toUpperCase(word.charAt(0)) + fullDay(word.substring(0, 3)).substring(1) + "s";
            }
        }
        LocalTime time = reading.scan().of(Span.Kind.WHEN).stream().map(span -> span.as(When.class)).filter(w -> w.time() != null)
                .map(When::time).findFirst().orElse(LocalTime.of(9, 0));
        String cron = "0 " + time.getMinute() + " " + time.getHour() + (days.equals("*") ? " * * ?" : " ? * " + days);
        boolean daily = days.equals("*") || days.equals("MON-FRI");
        int window = report.equals("quiet_deals") ? reading.scan().firstValue(Span.Kind.DAYS, Integer.class).orElse(14)
                : daily ? 1 : 7;
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("schemaVersion", 1);
        definition.put("trigger", Map.of("type", "cron", "cron", cron));
        definition.put("steps", List.of(
                Map.of("id", "summary", "type", "report", "report", report, "days", window),
                Map.of("id", "mail", "type", "send_email", "to", "owner", "subject", "{{steps.summary.title}}",
                        "body", "{{steps.summary.text}}")));
        String name = when + String.format(" %02d:%02d ", time.getHour(), time.getMinute()) + report.replace('_', ' ') + " summary";
        return propose(name, definition);
    }

    private static String fullDay(String prefix) {
        return switch (prefix) {
            case "mon" -> "monday";
            case "tue" -> "tuesday";
            case "wed" -> "wednesday";
            case "thu" -> "thursday";
            case "fri" -> "friday";
            case "sat" -> "saturday";
            default -> "sunday";
        };
    }

    private static Part scored(Reading reading) {
        Integer threshold = reading.scan().of(Span.Kind.COMPARISON).stream().map(span -> span.as(Comparison.class))
                .filter(bounds -> bounds.min() != null).map(bounds -> bounds.min().intValue()).findFirst().orElse(null);
        if (threshold == null) {
            Matcher number = Pattern.compile("\\b(\\d{1,3})\\b").matcher(reading.text());
            if (number.find()) threshold = Integer.parseInt(number.group(1));
        }
        if (threshold == null || threshold < 1 || threshold > 100) {
            return Part.Question.plain("Above which score (1-100) should I draft the intro? For example \"when a lead scores above"
                    + " 80, draft an intro\".");
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("schemaVersion", 1);
        definition.put("trigger", Map.of("type", "score_threshold", "threshold", threshold));
        definition.put("steps", List.of(Map.of("id", "intro", "type", "draft_email",
                "subject", "Introduction from {{owner.fullName}}",
                "body", "Hi {{record.firstName}},\n\nI noticed your interest and would love to show you how we "
                        + "could help. Would a short call this week work?\n\nBest regards,\n{{owner.fullName}}")));
        return propose("Intro for leads scoring " + threshold + "+", definition);
    }

    private static Part propose(String name, Map<String, Object> definition) {
        return new Part.Steps(Plan.single("create workflows", "proposeWorkflow",
                Map.of("name", name, "definition", OfflineReplies.json(definition))));
    }

    static Part change(Reading reading) {
        Matcher verb = CHANGE.matcher(reading.text());
        if (!verb.find()) return Part.Question.plain("Should I pause, resume or delete the workflow? Say which, with its name.");
        String said = verb.group("verb").toLowerCase(Locale.ROOT);
        String tool = said.matches("pause|stop|turn\\s+off|disable|suspend|halt") ? "pauseWorkflow"
                : said.matches("delete|remove|kill|get\\s+rid\\s+of") ? "proposeDeleteWorkflow" : "proposeResumeWorkflow";
        String name = Words.tidy(NAME_WORDS.matcher(reading.text().replaceAll("[\"“”'?!.]", " ")).replaceAll(" "));
        if (name.isEmpty()) {
            return Part.Question.plain("Which workflow? Say \"show my workflows\" to see their names.");
        }
        return new Part.Steps(Plan.lookup("change workflows", "listWorkflows", name,
                Plan.Step.needingId(tool, "workflowId", Map.of())));
    }
}
