package io.intelligencecrm.agent.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workflows said in a sentence, turned into a definition the user confirms: "every Friday at 4pm send
 * me a summary of new leads", "every weekday at 9 email me my deals that went quiet", "when a lead
 * scores above 80, draft an intro".
 */
final class WorkflowCommands {
    private static final Pattern SCHEDULED = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:every|each)\\s+(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                    + "|day|weekday|morning)s?(?:\\s+at\\s+(?<hour>\\d{1,2})(?::(?<minute>\\d{2}))?\\s*(?<half>am|pm)?)?"
                    + "\\s*,?\\s*(?:send|email|mail)\\s+me\\s+(?:a\\s+|an\\s+|the\\s+)?(?:summary|list|report|digest|email)?"
                    + "\\s*(?:of|with|about)?\\s*(?:my\\s+|the\\s+)?(?<what>new\\s+leads|leads|deals\\s+that\\s+went\\s+quiet"
                    + "|quiet\\s+deals|idle\\s+deals|open\\s+tasks|tasks)\\b.*$");
    private static final Pattern SCORED = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?when(?:ever)?\\s+(?:a\\s+)?(?:lead|contact)(?:'s\\s+score)?\\s+(?:scores?\\s+|goes\\s+|is\\s+)?"
                    + "(?:above|over|at\\s+least|more\\s+than|>=?)\\s+(?<threshold>\\d{1,3})\\s*,?\\s*(?:then\\s+)?"
                    + "draft\\s+(?:an?\\s+)?(?<what>intro(?:duction)?|email|follow-?up)\\b.*$");
    private static final Map<String, String> DAYS = Map.of("monday", "MON", "tuesday", "TUE", "wednesday", "WED",
            "thursday", "THU", "friday", "FRI", "saturday", "SAT", "sunday", "SUN");

    private WorkflowCommands() {
    }

    /** @return the plan, or null when the text describes no workflow */
    static Plan understand(String text) {
        Matcher scheduled = SCHEDULED.matcher(text);
        if (scheduled.matches()) return scheduled(scheduled);
        Matcher scored = SCORED.matcher(text);
        if (scored.matches()) return scored(scored);
        return null;
    }

    private static Plan scheduled(Matcher match) {
        String day = match.group("day").toLowerCase(Locale.ROOT);
        int hour = match.group("hour") == null ? 9 : Integer.parseInt(match.group("hour"));
        int minute = match.group("minute") == null ? 0 : Integer.parseInt(match.group("minute"));
        String half = match.group("half");
        if (half != null && half.equalsIgnoreCase("pm") && hour < 12) hour += 12;
        if (half != null && half.equalsIgnoreCase("am") && hour == 12) hour = 0;
        if (hour > 23 || minute > 59) return null;
        String days = switch (day) {
            case "day", "morning" -> "*";
            case "weekday" -> "MON-FRI";
            default -> DAYS.get(day);
        };
        String cron = "0 " + minute + " " + hour + (days.equals("*") ? " * * ?" : " ? * " + days);
        String what = match.group("what").toLowerCase(Locale.ROOT);
        boolean daily = days.equals("*") || days.equals("MON-FRI");
        String report = what.contains("task") ? "open_tasks" : what.contains("lead") ? "new_leads" : "quiet_deals";
        int window = report.equals("quiet_deals") ? 14 : daily ? 1 : 7;
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("schemaVersion", 1);
        definition.put("trigger", Map.of("type", "cron", "cron", cron));
        definition.put("steps", List.of(
                Map.of("id", "summary", "type", "report", "report", report, "days", window),
                Map.of("id", "mail", "type", "send_email", "to", "owner", "subject", "{{steps.summary.title}}",
                        "body", "{{steps.summary.text}}")));
        String when = (day.equals("day") || day.equals("morning") ? "Daily" : day.equals("weekday") ? "Weekdays"
                : Character.toUpperCase(day.charAt(0)) + day.substring(1)) + String.format(" %02d:%02d", hour, minute);
        return propose(when + " " + report.replace('_', ' ') + " summary", definition);
    }

    private static Plan scored(Matcher match) {
        int threshold = Integer.parseInt(match.group("threshold"));
        if (threshold < 1 || threshold > 100) return null;
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("schemaVersion", 1);
        definition.put("trigger", Map.of("type", "score_threshold", "threshold", threshold));
        definition.put("steps", List.of(Map.of("id", "intro", "type", "draft_email",
                "subject", "Introduction from {{owner.fullName}}",
                "body", "Hi {{record.firstName}},\n\nI noticed your interest and would love to show you how we "
                        + "could help. Would a short call this week work?\n\nBest regards,\n{{owner.fullName}}")));
        return propose("Intro for leads scoring " + threshold + "+", definition);
    }

    private static Plan propose(String name, Map<String, Object> definition) {
        return Plan.single("create workflows", "proposeWorkflow",
                Map.of("name", name, "definition", OfflineReplies.json(definition)));
    }
}
