package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Something to do to one record once it is known: the tool, the argument that takes the record's id,
 * the other arguments, and any steps after it. Turned into a part by the record the message names:
 * done at once for a known record, after a lookup by words, or after a question when several fit.
 */
record Action(String description, String kind, String tool, String idArgument, Map<String, Object> arguments,
              List<Plan.Step> then) {
    private static final int LISTED = 6;

    Action {
        arguments = new LinkedHashMap<>(arguments);
        then = List.copyOf(then);
    }

    static Action of(String description, String kind, String tool, String idArgument, Map<String, Object> arguments) {
        return new Action(description, kind, tool, idArgument, arguments, List.of());
    }

    Plan on(UUID id) {
        Map<String, Object> known = new LinkedHashMap<>(arguments);
        known.put(idArgument, id.toString());
        List<Plan.Step> steps = new ArrayList<>();
        steps.add(Plan.Step.of(tool, known));
        steps.addAll(then);
        return new Plan(description, steps, null);
    }

    Plan lookingUp(String words) {
        List<Plan.Step> steps = new ArrayList<>();
        steps.add(Plan.Step.needingId(tool, idArgument, arguments));
        steps.addAll(then);
        return Plan.lookup(description, lookupTool(), words, steps.toArray(Plan.Step[]::new));
    }

    /** The action on the record made or found earlier in this turn ("... and set up a 3k deal" for the new contact). */
    Plan onEarlier() {
        List<Plan.Step> steps = new ArrayList<>();
        steps.add(Plan.Step.needingEarlier(tool, idArgument, kind, arguments));
        steps.addAll(then);
        return new Plan(description, steps, null);
    }

    private String lookupTool() {
        return switch (kind) {
            case RecordMention.DEAL -> "findDeals";
            case RecordMention.COMPANY -> "findCompanies";
            default -> "searchContacts";
        };
    }

    /** The part for this target: act, look up, ask which, or say what is missing. */
    Part part(Target target, String missingQuestion) {
        return switch (target) {
            case Target.Known known -> new Part.Steps(on(known.id()));
            case Target.Lookup lookup -> new Part.Steps(lookingUp(lookup.words()));
            case Target.Choice choice -> which(choice);
            case Target.NotFound notFound -> new Part.Say(notFound(notFound.words()));
            case Target.Missing missing -> new Part.Question(missingQuestion, List.of(), kind, this::chosen, this);
            case Target.Earlier earlier -> new Part.Steps(onEarlier());
        };
    }

    Part chosen(RecordMention record) {
        return new Part.Steps(on(record.id()));
    }

    Part.Question which(Target.Choice choice) {
        return which(kind, choice, this::chosen);
    }

    /** "Several contacts match ...": the candidates numbered, each an answer to the question. */
    static Part.Question which(String kind, Target.Choice choice, Function<RecordMention, Part> choose) {
        List<Part.Option> options = new ArrayList<>();
        for (RecordMention candidate : choice.candidates()) {
            options.add(new Part.Option(candidate.described(), candidate, null, () -> choose.apply(candidate)));
        }
        String list = options.stream().map(option -> (options.indexOf(option) + 1) + ". " + option.label())
                .collect(Collectors.joining("\n"));
        int namesakes = choice.candidates().stream().mapToInt(RecordMention::namesakes).max().orElse(0);
        String more = namesakes > options.size() ? "\n(" + namesakes + (namesakes >= 50 ? " or more" : "") + " match in all; the full name"
                + " or the email narrows it down.)" : "";
        String text = "Several " + plural(noun(kind)) + " match \"" + choice.words() + "\":\n" + list + more + "\nWhich one do you mean? "
                + "Say \"the first one\", \"the second one\", or give the name, email or company.";
        return new Part.Question(text, options, kind, choose);
    }

    String notFound(String words) {
        boolean contact = kind.equals(RecordMention.CONTACT);
        return "I could not find " + (contact ? "anyone" : "a " + noun()) + " matching \"" + words + "\", so nothing was"
                + " changed. Check the name, or add " + (contact ? "them" : "it") + " first.";
    }

    private static String plural(String noun) {
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    private String noun() {
        return noun(kind);
    }

    private static String noun(String kind) {
        return switch (kind) {
            case RecordMention.DEAL -> "deal";
            case RecordMention.COMPANY -> "company";
            case RecordMention.MEMBER -> "team member";
            default -> "contact";
        };
    }
}
