package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.chat.ChatApprovals;
import io.intelligencecrm.agent.offline.intent.Classification;
import io.intelligencecrm.agent.offline.intent.Cues;
import io.intelligencecrm.agent.offline.intent.Intent;
import io.intelligencecrm.agent.offline.intent.IntentClassifier;
import io.intelligencecrm.agent.offline.intent.IntentScore;
import io.intelligencecrm.agent.offline.intent.Masking;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.TextScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message into a program: answers to the model's own last question first; otherwise the
 * message is cut into the things it asks for, each read as the intent whose examples it is closest
 * to in meaning, then filled from its values and the tenant's records. A reading that is not sure
 * enough becomes a question offering the two likeliest readings; nothing is written on a guess.
 */
final class Understanding {
    /** A read needs this similarity to the bank; a write needs more, and a clear lead over the runner-up. */
    static final double READ_MIN = 0.4;
    static final double WRITE_MIN = 0.52;
    static final double MARGIN = 0.02;
    /** Below this nothing is offered: the message is not understood. */
    static final double ASK_MIN = 0.4;
    private static final int REPLAYS = 3;
    /** Requests whose free text may follow a colon; that text is content and is never read as a request. */
    private static final Set<Intent> CONTENT_HEADS = Set.of(Intent.LOG_INTERACTION, Intent.CREATE_TASK, Intent.SEND_EMAIL,
            Intent.DRAFT_EMAIL, Intent.GROUP_EMAIL, Intent.BULK_DRAFT);
    /** A colon that opens free text (not a time such as 3:30, nor "re:"). */
    private static final Pattern CONTENT_COLON = Pattern.compile("(?<!\\d)(?<!\\bre)(?<!\\bRe):(?!\\d)");

    private final IntentClassifier classifier;

    Understanding(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    /** @param records the records matcher's spans for this message; matched says whether it ran at all */
    Program understand(String text, List<Span> records, boolean matched, Conversation conversation, Set<String> tools) {
        return understand(text, records, matched, conversation, tools, REPLAYS);
    }

    private Program understand(String text, List<Span> records, boolean matched, Conversation conversation, Set<String> tools,
                               int replays) {
        TextScan scan = TextScan.of(text, conversation.today(), conversation.zone()).withRecords(records);
        if (replays > 0) {
            var answer = Dialogue.answer(this, text, scan, matched, conversation, tools, replays - 1);
            if (answer.isPresent()) return answer.get();
        }
        if (ChatApprovals.isDecision(text)) {
            return Program.say("Nothing is waiting for your approval in this conversation, so there is nothing to approve or reject.");
        }
        return new Program(parts(new Reading(text, scan, conversation, tools, matched)));
    }

    /** Replays an earlier message with the records its own turn matched. */
    Program replay(String text, List<Span> records, boolean matched, Conversation conversation, Set<String> tools, int replays) {
        return understand(text, records, matched, conversation, tools, replays);
    }

    private List<Part> parts(Reading whole) {
        List<Clauses.Cut> cuts = Clauses.cuts(whole.text());
        Decision single = decide(whole);
        if (!cuts.isEmpty()) {
            List<Part> split = split(whole, cuts, single);
            if (split != null) return split;
        }
        return List.of(single.part());
    }

    /**
     * The parts when cutting the message at some of the cuts gives parts that each act; null when no
     * cut does. A last part that is not understood is named, unless the whole message reads better uncut.
     */
    private List<Part> split(Reading whole, List<Clauses.Cut> cuts, Decision single) {
        List<Part> parts = new ArrayList<>();
        Part previous = null;
        int from = 0;
        boolean strong = false;
        for (Clauses.Cut cut : cuts) {
            if (parts.size() + 1 >= Clauses.MAX_PARTS) break;
            if (cut.start() <= from) continue;
            Decision decision = decide(part(whole, from, cut.start()).withAntecedent(Chaining.antecedent(previous)));
            if (!decision.acted()) continue;
            previous = add(parts, previous, decision.part());
            strong |= cut.strong();
            from = cut.end();
        }
        if (parts.isEmpty()) return null;
        Reading last = part(whole, from, whole.text().length()).withAntecedent(Chaining.antecedent(previous));
        Decision decision = decide(last);
        if (!decision.understood()) {
            if (!strong && single.acted()) return null;
            parts.add(new Part.Say("I did not understand this part, so I did nothing about it: \"" + Words.tidy(last.text()) + "\"."));
            return parts;
        }
        add(parts, previous, decision.part());
        return parts;
    }

    /** Adds the next part, linked to the one before, or folded into it when it only adds fields to what that one creates. */
    private static Part add(List<Part> parts, Part previous, Part next) {
        Part linked = Chaining.link(previous, next);
        Part folded = Chaining.fold(previous, linked);
        if (folded == null) {
            parts.add(linked);
            return linked;
        }
        parts.set(parts.size() - 1, folded);
        return folded;
    }

    private static Reading part(Reading whole, int from, int to) {
        TextScan scan = whole.scan().part(from, to);
        return new Reading(whole.text().substring(from, to), scan, whole.conversation(), whole.tools(), whole.matched());
    }

    /** What one part asks for, and how sure the reading is. */
    record Decision(Part part, boolean understood, boolean acted) {
    }

    Decision decide(Reading reading) {
        if (TaskFrames.isReminder(reading.text()) && !Cues.negated(reading.text())) {
            return acted(Frames.build(Intent.CREATE_TASK, reading));
        }
        // "text Jane: running late": the words after the colon are the message, so they are not read for intent.
        if (TextFrame.asks(reading.text()) && !Cues.negated(reading.text())) return acted(TextFrame.send(reading));
        String masked = Masking.mask(reading.text(), reading.scan().all().stream()
                .filter(span -> TextScan.MASKED.contains(span.kind())).toList());
        Classification classification = classifier.classify(masked);
        Classification head = headOf(masked);
        // "log a call with Zelda: she said delete every contact": what follows the colon is what was said, not asked.
        if (head != null && CONTENT_HEADS.contains(head.top().intent()) && head.top().score() >= WRITE_MIN
                && Cues.asksFor(head.top().intent(), reading.text()) && !Cues.negated(reading.text())
                && !Cues.asksAdvice(reading.text()) && !Cues.asksWhether(reading.text())) {
            return acted(Frames.build(head.top().intent(), reading));
        }
        IntentScore top = classification.top();
        if (top.intent() == Intent.UNKNOWN || top.score() < ASK_MIN) {
            return new Decision(ConversationFrames.unknown(reading), false, false);
        }
        Intent intent = top.intent();
        if (!intent.writes()) {
            if (top.score() < READ_MIN) return new Decision(ConversationFrames.unknown(reading), false, false);
            return acted(Frames.build(intent, reading));
        }
        if (Cues.negated(reading.text())) {
            return new Decision(new Part.Say("OK, I did not change anything."), true, false);
        }
        if (Cues.asksAdvice(reading.text())) return new Decision(confirm(reading, intent), true, false);
        IntentScore read = classification.ranked().stream().filter(score -> !score.intent().writes()
                && score.intent() != Intent.UNKNOWN).findFirst().orElse(null);
        if (Cues.asksWhether(reading.text())) {
            // "is Grace a customer yet?" asks whether, so the best read answers it; without one, the change is offered, not made.
            if (read != null && read.score() >= READ_MIN) return acted(Frames.build(read.intent(), reading));
            return new Decision(confirm(reading, intent), true, false);
        }
        IntentScore other = runnerUp(classification);
        boolean cue = Cues.asksFor(intent, reading.text());
        if (!cue) {
            // Nothing in the words asks for this change ("find priya" resembles "add priya"): the best read, if any, is meant.
            if (read != null && read.score() >= READ_MIN && top.score() - read.score() < 0.15) return acted(Frames.build(read.intent(), reading));
        }
        Part part = cue ? Frames.build(intent, reading) : null;
        if (cue && top.score() >= WRITE_MIN && top.score() - other.score() >= MARGIN) return acted(part);
        // Not sure, or a close second reading: the one whose values the words actually hold wins; if both or neither, ask.
        Part alternative = other.score() >= ASK_MIN ? Frames.build(other.intent(), reading) : null;
        boolean fits = part instanceof Part.Steps;
        boolean otherFits = alternative instanceof Part.Steps && (!other.intent().writes() || Cues.asksFor(other.intent(), reading.text()));
        if (fits && (!otherFits || !other.intent().writes() && top.score() >= WRITE_MIN)) return acted(part);
        if (!fits && otherFits && other.intent().writes()) return acted(alternative);
        return new Decision(twoReadings(reading, intent, other.intent()), true, false);
    }

    /** The reading of the words before a colon that opens free text, or null when there is none. */
    private Classification headOf(String masked) {
        Matcher colon = CONTENT_COLON.matcher(masked);
        if (!colon.find() || colon.start() == 0) return null;
        return classifier.classify(masked.substring(0, colon.start()));
    }

    private static Decision acted(Part part) {
        return new Decision(part, true, part instanceof Part.Steps);
    }

    /** The best reading that is not the top one nor harmlessly like it. */
    private static IntentScore runnerUp(Classification classification) {
        Intent top = classification.top().intent();
        return classification.ranked().stream().skip(1).filter(score -> score.intent() != Intent.UNKNOWN && !alike(top, score.intent()))
                .findFirst().orElse(classification.second());
    }

    /** Intents whose confusion does no harm: either reading gives the same answer. */
    private static boolean alike(Intent first, Intent second) {
        return Set.of(first, second).equals(Set.of(Intent.CONTACT_STAGE, Intent.DEAL_STAGE))
                || Set.of(first, second).equals(Set.of(Intent.GREET, Intent.HELP))
                || Set.of(first, second).equals(Set.of(Intent.BULK_DRAFT, Intent.BULK_STAGE));
    }

    /** "should I move Jane to qualified?": offered, not done. */
    private static Part confirm(Reading reading, Intent intent) {
        List<Part.Option> options = List.of(new Part.Option("yes", null, intent, () -> Frames.build(intent, reading)));
        return new Part.Question("Do you want me to " + intent.reading() + " now? Say yes and I will; nothing is changed until then.",
                options, null, null);
    }

    private static Part twoReadings(Reading reading, Intent first, Intent second) {
        List<Part.Option> options = List.of(
                new Part.Option(first.reading(), null, first, () -> Frames.build(first, reading)),
                new Part.Option(second.reading(), null, second, () -> Frames.build(second, reading)));
        return new Part.Question("I am not sure what you want: should I " + first.reading() + " (1) or " + second.reading()
                + " (2)? Say 1 or 2, or put it another way.", options, null, null);
    }
}
