package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.TextScan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One part of a message as a frame reads it: its words, the values and records found in them, the
 * conversation so far, and the tools the user's role is offered.
 *
 * @param matched    whether the records matcher ran on the message (else records are looked up by words)
 * @param antecedent what an earlier part of the same message was about, which "her" or "them" in this part means; or null
 */
record Reading(String text, TextScan scan, Conversation conversation, Set<String> tools, boolean matched, Antecedent antecedent) {
    private static final Pattern PRONOUN = Pattern.compile("(?i)(?<![\\w'])(?:(?:her|him|hers|his|she|he|them|they|their|it|its)"
            + "(?:['’](?:s|re|ll|d))?"
            + "|th(?:is|at|e)\\s+(?:same\\s+)?(?:contact|person|guy|lady|one|deal|opportunity|opp|company|account|lead|customer)"
            + "|that(?=\\s+(?:to|as)\\b))(?![\\w'])");
    /** A fuzzy match this far ahead of the next candidate is taken without asking. */
    private static final double CLEAR_LEAD = 0.2;

    Reading(String text, TextScan scan, Conversation conversation, Set<String> tools, boolean matched) {
        this(text, scan, conversation, tools, matched, null);
    }

    /** The contact (known, or made by the earlier part) and the company an earlier part of the message is about. */
    record Antecedent(Target contact, String company) {
    }

    Reading withAntecedent(Antecedent earlier) {
        return new Reading(text, scan, conversation, tools, matched, earlier);
    }

    Target antecedentContact() {
        return antecedent == null ? null : antecedent.contact();
    }

    String antecedentCompany() {
        return antecedent == null ? null : antecedent.company();
    }

    LocalDate today() {
        return conversation.today();
    }

    ZoneId zone() {
        return conversation.zone();
    }

    boolean offers(String tool) {
        return tools.contains(tool);
    }

    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Record spans of a kind, grouped by the words they cover, longest words first where they overlap. */
    List<List<RecordMention>> mentions(String kind) {
        Map<String, List<Span>> byWords = new LinkedHashMap<>();
        for (Span span : scan.of(Span.Kind.RECORD)) {
            if (span.as(RecordMention.class).is(kind)) byWords.computeIfAbsent(span.start() + ":" + span.end(), key -> new ArrayList<>()).add(span);
        }
        List<List<Span>> groups = new ArrayList<>(byWords.values());
        groups.sort(Comparator.comparingInt((List<Span> group) -> group.getFirst().start() - group.getFirst().end()));
        List<List<Span>> kept = new ArrayList<>();
        for (List<Span> group : groups) {
            if (kept.stream().noneMatch(other -> other.getFirst().overlaps(group.getFirst()))) kept.add(group);
        }
        kept.sort(Comparator.comparingInt(group -> group.getFirst().start()));
        return kept.stream().map(group -> group.stream().map(span -> span.as(RecordMention.class))
                .sorted(Comparator.comparingDouble(RecordMention::score).reversed()).toList()).toList();
    }

    /** The words of the first mention group of a kind, or null. */
    Span mentionSpan(String kind) {
        for (Span span : scan.of(Span.Kind.RECORD)) {
            if (span.as(RecordMention.class).is(kind)) return span;
        }
        return null;
    }

    boolean hasPronoun() {
        return PRONOUN.matcher(text).find();
    }

    /**
     * The record of this kind the message means: one it names, one a pronoun points back to, the row an
     * ordinal picks from the last list; else the words to look up (or report as unknown).
     *
     * @param words what the message calls it when no record matched ("Zed Nobody"); may be null
     */
    Target target(String kind, String words) {
        List<List<RecordMention>> groups = mentions(kind);
        if (!groups.isEmpty()) return choose(groups.getFirst(), wordsOf(kind));
        if (hasPronoun() && antecedentContact() != null && kind.equals(RecordMention.CONTACT)) return antecedentContact();
        if (hasPronoun()) {
            Optional<Conversation.Seen> focus = conversation.focus(kind);
            if (focus.isPresent()) return known(focus.get());
            List<Conversation.Seen> listed = conversation.lastList(kind);
            // "move her to qualified" after a list of two: which of them is a question, not a guess.
            if (!listed.isEmpty() && scan.first(Span.Kind.ORDINAL).isEmpty()) {
                return new Target.Choice(pronoun(), listed.stream().limit(6).map(seen -> new RecordMention(kind, seen.id(), seen.name(),
                        1.0, null, null, null, true, false, listed.size())).toList());
            }
        }
        Optional<Span> ordinal = scan.first(Span.Kind.ORDINAL);
        if (ordinal.isPresent()) {
            Optional<Conversation.Seen> row = conversation.row(kind, ordinal.get().as(Integer.class));
            if (row.isPresent()) return known(row.get());
        }
        if (words != null && !words.isBlank()) return matched ? new Target.NotFound(words.strip()) : new Target.Lookup(words.strip());
        if (hasPronoun() && kind.equals(RecordMention.CONTACT)) return new Target.NotFound(pronoun());
        return new Target.Missing();
    }

    private String pronoun() {
        var matcher = PRONOUN.matcher(text);
        return matcher.find() ? matcher.group() : "them";
    }

    private String wordsOf(String kind) {
        Span span = mentionSpan(kind);
        return span == null ? "" : span.text();
    }

    private static Target known(Conversation.Seen seen) {
        return new Target.Known(seen.id(), seen.name(), null);
    }

    /** One of several candidates for the same words, or a question when none clearly leads. */
    static Target choose(List<RecordMention> candidates, String words) {
        if (candidates.size() == 1) return known(candidates.getFirst());
        List<RecordMention> recent = candidates.stream().filter(RecordMention::recent).toList();
        if (recent.size() == 1) return known(recent.getFirst());
        String said = words.strip().toLowerCase(Locale.ROOT);
        List<RecordMention> exact = candidates.stream().filter(candidate -> candidate.exact() || candidate.name().equalsIgnoreCase(said)
                || said.equalsIgnoreCase(candidate.email())).toList();
        if (exact.size() == 1) return known(exact.getFirst());
        RecordMention top = candidates.getFirst();
        if (top.score() - candidates.get(1).score() >= CLEAR_LEAD) return known(top);
        return new Target.Choice(words, candidates.subList(0, Math.min(candidates.size(), 6)));
    }

    private static Target known(RecordMention mention) {
        return new Target.Known(mention.id(), mention.name(), mention);
    }
}
