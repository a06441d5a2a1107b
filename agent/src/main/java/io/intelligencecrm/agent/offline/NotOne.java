package io.intelligencecrm.agent.offline;

/** What to say when a lookup by words found no record, or several. */
final class NotOne {
    private NotOne() {
    }

    static String say(Plan plan, boolean none) {
        String words = plan.subject() == null ? "that" : plan.subject();
        if ("listWorkflows".equals(plan.lookupTool())) {
            return none ? "I could not find a workflow named like \"" + words + "\". Say \"show my workflows\" to see their names."
                    : "Several workflows match \"" + words + "\" (shown above). Which one do you mean? Say \"the first one\", "
                    + "\"the second one\", ... or use more of its name.";
        }
        if ("findDeals".equals(plan.lookupTool())) {
            return none ? "I could not find a deal matching \"" + words + "\". Check the name with \"find deals\", or create it first."
                    : "Several deals match \"" + words + "\" (shown above). Which one do you mean? Say \"the first one\", \"the "
                    + "second one\", ... or use more of its name.";
        }
        return none ? "I could not find anyone matching \"" + words + "\". Check the name, or add them first."
                : "Several contacts match \"" + words + "\" (shown above). Which one do you mean? Use their email to be precise, "
                + "or say \"the first one\", \"the second one\", ...";
    }
}
