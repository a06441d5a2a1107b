package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A later part that names no contact of its own is about the contact the part before it made or
 * named: "add Ben Ortiz from Vela and set up a 3k deal" creates the deal for Ben; "log a call with
 * Jane and remind me to call her Friday" puts the task on Jane.
 */
final class Chaining {
    private static final List<String> TAKES_CONTACT = List.of("createDeal", "createTask", "logInteraction", "draftEmail",
            "changeContactStage", "updateContact");

    private Chaining() {
    }

    static Part link(Part previous, Part next) {
        if (!(previous instanceof Part.Steps before)) return next;
        Part forCompany = dealForNewCompany(before.plan(), next);
        if (forCompany != null) return forCompany;
        String contact = contactOf(before.plan());
        boolean creates = before.plan().steps().stream().anyMatch(step -> step.tool().equals("createContact"));
        if (contact == null && !creates) return next;
        if (next instanceof Part.Steps steps && steps.plan().steps().size() == 1) {
            Plan.Step step = steps.plan().steps().getFirst();
            if (!TAKES_CONTACT.contains(step.tool()) || step.arguments().containsKey("contactId") || !step.carried().isEmpty()) return next;
            Map<String, Object> arguments = new LinkedHashMap<>(step.arguments());
            companyOf(before.plan()).ifPresent(company -> {
                if (!step.tool().equals("createDeal") || arguments.containsKey("companyName")) return;
                arguments.put("companyName", company);
                if ("New deal".equals(arguments.get("name"))) arguments.put("name", company + " deal");
            });
            if (contact != null) {
                arguments.put("contactId", contact);
                return new Part.Steps(new Plan(steps.plan().description(), List.of(Plan.Step.of(step.tool(), arguments)), null));
            }
            return new Part.Steps(new Plan(steps.plan().description(),
                    List.of(Plan.Step.needingEarlier(step.tool(), "contactId", RecordMention.CONTACT, arguments)), null));
        }
        if (next instanceof Part.Question question && RecordMention.CONTACT.equals(question.recordKind())
                && question.options().isEmpty() && question.anyRecord() != null && question.action() != null) {
            return new Part.Steps(contact != null ? question.action().on(java.util.UUID.fromString(contact))
                    : question.action().onEarlier());
        }
        return next;
    }

    /** "create company Kestrel Labs and add a deal for them worth 40k": the deal is the new company's. */
    private static Part dealForNewCompany(Plan before, Part next) {
        if (!(next instanceof Part.Steps steps) || steps.plan().steps().size() != 1) return null;
        Plan.Step deal = steps.plan().steps().getFirst();
        Object company = before.steps().stream().filter(step -> step.tool().equals("createCompany")).map(step -> step.arguments().get("name"))
                .findFirst().orElse(null);
        if (company == null || !deal.tool().equals("createDeal") || deal.arguments().containsKey("companyName")) return null;
        Map<String, Object> arguments = new LinkedHashMap<>(deal.arguments());
        arguments.put("companyName", company);
        if ("New deal".equals(arguments.get("name"))) arguments.put("name", company + " deal");
        return new Part.Steps(new Plan(steps.plan().description(), List.of(Plan.Step.of(deal.tool(), arguments)), null));
    }

    private static java.util.Optional<String> companyOf(Plan plan) {
        return plan.steps().stream().filter(step -> step.tool().equals("createContact"))
                .map(step -> step.arguments().get("companyName")).filter(java.util.Objects::nonNull).map(Object::toString).findFirst();
    }

    /** What a part is about, for "her" or "them" in the next part: its contact (known, or made) and company; null if none. */
    static Reading.Antecedent antecedent(Part part) {
        if (!(part instanceof Part.Steps steps)) return null;
        String id = contactOf(steps.plan());
        boolean creates = steps.plan().steps().stream().anyMatch(step -> step.tool().equals("createContact"));
        Target contact = id != null ? new Target.Known(java.util.UUID.fromString(id), null, null)
                : creates ? new Target.Earlier(RecordMention.CONTACT) : null;
        String company = steps.plan().steps().stream().map(step -> step.tool().equals("createCompany") ? step.arguments().get("name")
                : step.arguments().get("companyName")).filter(java.util.Objects::nonNull).map(Object::toString).findFirst().orElse(null);
        return contact == null && company == null ? null : new Reading.Antecedent(contact, company);
    }

    /** The contact id a plan acts on, when it is known before it runs. */
    private static String contactOf(Plan plan) {
        for (Plan.Step step : plan.steps()) {
            Object id = step.arguments().get("contactId");
            if (id != null) return id.toString();
        }
        return null;
    }

    /**
     * "add Sven Larsson, sven@polaris.example, he's their IT director": a change to the contact the part
     * before creates is part of the creation (fields it does not already set); null when it is not that.
     */
    static Part fold(Part before, Part next) {
        if (!(before instanceof Part.Steps made) || made.plan().steps().size() != 1
                || !(next instanceof Part.Steps change) || change.plan().steps().size() != 1) {
            return null;
        }
        Plan.Step create = made.plan().steps().getFirst();
        Plan.Step update = change.plan().steps().getFirst();
        if (!create.tool().equals("createContact") || !create.carried().isEmpty() || !update.tool().equals("updateContact")
                || !(Plan.EARLIER + RecordMention.CONTACT).equals(update.carried().get("contactId"))) {
            return null;
        }
        Map<String, Object> arguments = new LinkedHashMap<>(create.arguments());
        for (Map.Entry<String, Object> field : update.arguments().entrySet()) {
            if (arguments.containsKey(field.getKey())) return null;
            arguments.put(field.getKey(), field.getValue());
        }
        return new Part.Steps(new Plan(made.plan().description(), List.of(Plan.Step.of(create.tool(), arguments)), null));
    }
}
