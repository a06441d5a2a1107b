package io.intelligencecrm.agent.offline;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.TextScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers to the offline model's own question. The previous message is read again (with the records
 * its turn matched), which gives the same question with the same options; the new message then picks
 * one: "the 2nd one", "Priya Raman", "no, I meant Priya Raman", "the one at b.example", "1". A message
 * that answers nothing is read as a new request.
 */
final class Dialogue {
    private static final Pattern NEITHER = Pattern.compile("(?i)^\\s*(?:neither|none(?:\\s+of\\s+(?:them|those))?|never\\s*mind|nvm|forget\\s+it"
            + "|cancel|stop|no(?:pe)?,?\\s+(?:leave\\s+it|skip\\s+it|don'?t)|skip(?:\\s+it)?)\\s*[.!]*\\s*$");
    private static final Pattern YES = Pattern.compile("(?i)^\\s*(?:yes|yep|yeah|yup|sure|ok|okay|please|go\\s+ahead|do\\s+it|y)"
            + "(?:[,!. ]+(?:please|do\\s+it|go\\s+ahead|thanks))*\\s*[.!]*\\s*$");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\s*(?:#|no\\.?\\s*|number\\s+|option\\s+)?(?<n>[1-9])\\s*[.!)]?\\s*$");
    private static final Pattern FILLER = Pattern.compile("(?i)(?<![\\w'])(?:no|nope|sorry|oops|i|meant|mean|the|one|at|from|with|of|"
            + "who|works|is|in|please|pls|it's|its|it|was|that|person|contact|deal|company|actually|um|uh|yes|yeah|ok|okay|,|\\.)(?![\\w'])");

    private Dialogue() {
    }

    static Optional<Program> answer(Understanding understanding, String text, TextScan scan, boolean matched,
                                    Conversation conversation, Set<String> tools, int replays) {
        Optional<Conversation.Turn> previous = conversation.previous();
        if (previous.isEmpty() || previous.get().answer() == null) return Optional.empty();
        Conversation.Turn turn = previous.get();
        Conversation before = conversation.beforePrevious();
        ToolExecutionResultMessage records = turn.results().stream().filter(result -> RecordMatches.TOOL.equals(result.toolName()))
                .findFirst().orElse(null);
        List<Span> spans = records == null ? List.of() : RecordMatches.parse(records.text(), turn.text(), before.seenIds());
        Program asked = understanding.replay(turn.text(), spans, records != null, before, tools, replays);
        Optional<Part.Question> question = asked.question();
        if (question.isEmpty() || !turn.answer().contains(question.get().text())) return Optional.empty();
        Part.Question pending = question.get();
        if (NEITHER.matcher(text).matches()) return Optional.of(Program.say("OK, I left it as it was."));
        if (YES.matcher(text).matches() && pending.options().size() == 1) {
            return Optional.of(new Program(List.of(pending.options().getFirst().take().get())));
        }
        Optional<Part> chosen = choose(pending, text, scan);
        if (chosen.isEmpty()) return Optional.empty();
        List<Part> parts = new ArrayList<>();
        parts.add(chosen.get());
        // What the earlier message asked for after the question still needs doing.
        List<Part> rest = asked.parts().subList(asked.parts().indexOf(pending) + 1, asked.parts().size());
        parts.addAll(rest);
        return Optional.of(new Program(parts));
    }

    private static Optional<Part> choose(Part.Question question, String text, TextScan scan) {
        List<Part.Option> options = question.options();
        Optional<Integer> ordinal = scan.firstValue(Span.Kind.ORDINAL, Integer.class);
        var number = BARE_NUMBER.matcher(text);
        if (ordinal.isEmpty() && number.matches()) ordinal = Optional.of(Integer.valueOf(number.group("n")));
        if (ordinal.isPresent() && !options.isEmpty()) {
            int index = ordinal.get() < 0 ? options.size() - 1 : ordinal.get() - 1;
            if (index >= 0 && index < options.size()) return Optional.of(options.get(index).take().get());
        }
        // A record the message names: one of the options, or any record of the kind asked about.
        if (question.recordKind() != null) {
            for (Span span : scan.of(Span.Kind.RECORD)) {
                RecordMention mention = span.as(RecordMention.class);
                if (!mention.is(question.recordKind())) continue;
                for (Part.Option option : options) {
                    if (option.record() != null && option.record().id().equals(mention.id())) return Optional.of(option.take().get());
                }
            }
        }
        Optional<Part.Option> described = described(options, text, scan);
        if (described.isPresent()) return Optional.of(described.get().take().get());
        if (question.recordKind() != null && question.anyRecord() != null) {
            List<RecordMention> named = scan.of(Span.Kind.RECORD).stream().map(span -> span.as(RecordMention.class))
                    .filter(mention -> mention.is(question.recordKind())).toList();
            if (!named.isEmpty()) {
                Target target = Reading.choose(named, scan.of(Span.Kind.RECORD).getFirst().text());
                if (target instanceof Target.Known known && known.mention() != null) {
                    return Optional.of(question.anyRecord().apply(known.mention()));
                }
            }
        }
        return Optional.empty();
    }

    /** "the task one", "log it": a word of the answer that only this option's label has. */
    private static boolean sharesWord(String answer, Part.Option option, List<Part.Option> options) {
        for (String word : answer.split("[^\\p{L}]+")) {
            if (word.length() < 3 || FILLER.matcher(word).matches()) continue;
            boolean here = option.label().toLowerCase(Locale.ROOT).contains(word);
            long elsewhere = options.stream().filter(other -> other != option && other.label().toLowerCase(Locale.ROOT).contains(word)).count();
            if (here && elsewhere == 0) return true;
        }
        return false;
    }

    /** The one option the words describe: its email, its email's domain, its company, or its name. */
    private static Optional<Part.Option> described(List<Part.Option> options, String text, TextScan scan) {
        if (options.isEmpty()) return Optional.empty();
        String lower = text.toLowerCase(Locale.ROOT);
        Optional<String> email = scan.firstValue(Span.Kind.EMAIL, String.class);
        Optional<String> domain = scan.firstValue(Span.Kind.DOMAIN, String.class);
        List<Part.Option> fitting = new ArrayList<>();
        for (Part.Option option : options) {
            if (option.record() == null) {
                if (lower.contains(option.label().toLowerCase(Locale.ROOT)) || sharesWord(lower, option, options)) fitting.add(option);
                continue;
            }
            RecordMention record = option.record();
            String recordEmail = record.email() == null ? "" : record.email().toLowerCase(Locale.ROOT);
            if (email.isPresent()) {
                if (email.get().equals(recordEmail)) fitting.add(option);
                continue;
            }
            if (domain.isPresent()) {
                if (recordEmail.endsWith("@" + domain.get()) || recordEmail.endsWith("." + domain.get())) fitting.add(option);
                continue;
            }
            String words = FILLER.matcher(lower).replaceAll(" ").replaceAll("\\s+", " ").strip();
            if (words.isEmpty()) continue;
            String described = (record.name() + " " + (record.company() == null ? "" : record.company()) + " " + recordEmail + " "
                    + (record.detail() == null ? "" : record.detail())).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words.split(" ")) {
                if (!described.matches("(?s).*\\b" + Pattern.quote(word) + ".*")) all = false;
            }
            if (all) fitting.add(option);
        }
        return fitting.size() == 1 ? Optional.of(fitting.getFirst()) : Optional.empty();
    }
}
