package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.TextScan;
import io.intelligencecrm.agent.offline.language.When;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasks and reminders: "remind me to follow up with Ben next Tuesday", "create a task to send the
 * contract to Grace by Friday", "schedule a call with Amelia Thursday 3pm"; listing them and ticking
 * them off. The title is the user's own words for what to do; the due time is any day or time said.
 */
final class TaskFrames {
    private static final Pattern LEAD_IN = Pattern.compile("(?i)^\\s*(?:(?:please|pls|can\\s+you|could\\s+you|hey|ok|and|then|also)[,\\s]+)*"
            + "(?:remind\\s+me\\s+(?:to\\s+|about\\s+|that\\s+i\\s+(?:need|have)\\s+to\\s+|i\\s+need\\s+to\\s+)?"
            + "|(?:set|add|create|make|put\\s+in|put)\\s+(?:(?:a|an|up\\s+a)\\s+)?(?:new\\s+)?(?:reminder|task|to-?do|todo)(?:\\s+for\\s+me)?"
            + "(?:\\s+(?:to|for|about|:)|\\s*[:,-])?\\s*"
            + "|(?:new\\s+)?(?:task|to-?do|todo|reminder)\\s*(?:[:,-]|to|for|about)?\\s*"
            + "|don'?t\\s+let\\s+me\\s+forget\\s+to\\s+|make\\s+sure\\s+i\\s+|i\\s+(?:need|have)\\s+to\\s+|ping\\s+me\\s+(?:on\\s+\\w+\\s+)?(?:about|to)?\\s*"
            + "|(?:schedule|book|set\\s+up|arrange|plan)\\s+(?:(?:a|an)\\s+)?)");
    private static final Pattern TRAILING = Pattern.compile("(?i)[,;.\\s]*(?:(?:and\\s+|pls\\s+|please\\s+)?remind\\s+me(?:\\s+(?:about\\s+it|then))?"
            + "|as\\s+a\\s+(?:task|reminder|to-?do)|(?:add|put)\\s+(?:it\\s+)?(?:as\\s+a\\s+task|to\\s+my\\s+(?:list|tasks|to-?dos?))"
            + "|for\\s+me)\\s*[.!]?\\s*$");
    private static final Pattern DUE_WORD = Pattern.compile("(?i)(?:\\b(?:by|on|at|due|before|until|till|for|around|@|from)\\s*|\\s*[-,]\\s*(?:due\\s*)?)$");
    private static final Pattern DONE_WORDS = Pattern.compile("(?i)(?<![\\w'])(?:mark|marked|tick|ticked|check|checked|off|complete|completed"
            + "|done|finished|finish|close|closed|the|task|tasks|reminder|to-?do|as|i|my|that|it|it'?s|with|is|was|sent|please|pls"
            + "|actually|just|did|already|ok|okay|yes|yep|yeah|so|now|all|we|have|has|been|got|this|one|can|you|go|ahead|and|also"
            + "|finally|today|sorted|handled)(?![\\w'])");

    /** "remind me to email Nadia", "todo: call Ben": the action inside is the task's, never done now. */
    private static final Pattern REMINDER = Pattern.compile("(?i)^\\s*(?:(?:please|pls|hey|ok|and|then|also|can\\s+you|could\\s+you)[,\\s]+)*"
            + "(?:remind\\s+me|rmd\\s+me|set\\s+(?:a\\s+|up\\s+a\\s+)?reminder|(?:create|add|make|put\\s+in|new)\\s+(?:a\\s+|an\\s+)?"
            + "(?:task|to-?do|todo|reminder)|(?:task|to-?do|todo|reminder)\\s*[:–—-]|don'?t\\s+let\\s+me\\s+forget|ping\\s+me\\b)"
            + "|[,.;]\\s*(?:pls\\s+|please\\s+)?remind\\s+me\\s*[.!]?\\s*$");

    private TaskFrames() {
    }

    static boolean isReminder(String text) {
        return REMINDER.matcher(text).find();
    }

    static Part create(Reading reading) {
        String text = reading.text();
        List<Span> used = new ArrayList<>();
        Map<String, Object> arguments = new LinkedHashMap<>();
        Optional<Span> due = reading.scan().of(Span.Kind.WHEN).stream().findFirst();
        String dueText = null;
        if (due.isPresent()) {
            When when = due.get().as(When.class);
            if (when.date() == null && when.time() != null) when = new When(reading.today(), when.time(), null);
            dueText = when.iso();
            Span span = due.get();
            String before = text.substring(0, span.start());
            Matcher word = DUE_WORD.matcher(before);
            int start = word.find() ? word.start() : span.start();
            used.add(new Span(start, span.end(), text.substring(start, span.end()), Span.Kind.WHEN, when));
        }
        String title = title(text, used);
        if (title.isEmpty()) {
            return Part.Question.plain("What should the task say? For example \"remind me to call Jane Doe on Friday\".");
        }
        arguments.put("title", title);
        if (dueText == null) {
            return Part.Question.plain("When is \"" + title + "\" due? Say it again with a day, for example \"remind me to "
                    + Character.toLowerCase(title.charAt(0)) + title.substring(1) + " tomorrow\".");
        }
        arguments.put("due", dueText);
        List<List<RecordMention>> deals = reading.mentions(RecordMention.DEAL);
        if (!deals.isEmpty() && Reading.choose(deals.getFirst(), "") instanceof Target.Known deal) {
            arguments.put("dealId", deal.id().toString());
        }
        Target contact = reading.target(RecordMention.CONTACT, null);
        if (contact instanceof Target.Missing || contact instanceof Target.NotFound || contact instanceof Target.Lookup) {
            return new Part.Steps(Plan.single("create tasks", "createTask", arguments));
        }
        return Action.of("create tasks", RecordMention.CONTACT, "createTask", "contactId", arguments).part(contact, null);
    }

    /** What to do, in the user's words, with the lead-in and the due day taken out: "Follow up with Ben". */
    static String title(String text, List<Span> used) {
        String rest = TextScan.without(text, used);
        rest = TRAILING.matcher(rest).replaceAll("");
        Matcher lead = LEAD_IN.matcher(rest);
        if (lead.lookingAt()) rest = rest.substring(lead.end());
        rest = rest.replaceAll("(?i)^(?:to|about|that)\\s+", "");
        return Words.sentence(rest.replaceAll("(?i)\\s+(?:due|by|on|at)\\s*$", ""));
    }

    static Part complete(Reading reading) {
        Optional<Conversation.Seen> task = reading.conversation().focus("task");
        String words = Words.tidy(DONE_WORDS.matcher(TextScan.without(reading.text(), reading.scan().of(Span.Kind.WHEN)))
                .replaceAll(" "));
        if (words.isEmpty() && task.isPresent()) {
            return new Part.Steps(Plan.single("complete tasks", "completeTask", Map.of("taskId", task.get().id().toString())));
        }
        if (words.isEmpty()) return Part.Question.plain("Which task is done? Give me a few words of it, or say \"show my tasks\".");
        return new Part.Steps(new Plan("complete tasks", List.of(Plan.Step.of("listTasks", Map.of("status", "open")),
                Plan.Step.needingRowMatching("completeTask", "taskId", words, Map.of())), null));
    }

    static Part list(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String lower = reading.lower();
        arguments.put("status", lower.matches("(?s).*\\b(?:done|completed?|finish(?:ed)?|closed|ticked)\\b.*") ? "done"
                : lower.matches("(?s).*\\ball\\s+(?:my\\s+)?tasks\\b.*") ? "all" : "open");
        reading.scan().of(Span.Kind.WHEN).stream().map(span -> span.as(When.class)).filter(when -> when.period() != null
                || when.date() != null).findFirst().ifPresent(when -> arguments.put("due", when.period() != null ? when.period()
                : when.date().toString()));
        if (lower.matches("(?s).*\\boverdue\\b.*")) arguments.put("due", "overdue");
        arguments.put("mine", !lower.matches("(?s).*\\b(?:team'?s?|everyone'?s?|all\\s+reps|our)\\b.*"));
        return new Part.Steps(Plan.single("see tasks", "listTasks", arguments));
    }
}
