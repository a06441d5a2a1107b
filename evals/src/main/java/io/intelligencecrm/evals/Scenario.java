package io.intelligencecrm.evals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One eval scenario, read from a JSON file under {@code scenarios/}: who acts, what is planted in the
 * demo tenant first, what the user says, and the end state that decides the score.
 *
 * @param role  the acting demo user: admin, manager or rep
 * @param setup SQL run in the demo tenant before the first turn ({@code current_setting('app.tenant_id')::uuid}
 *              is the tenant's id)
 * @param documents knowledge-base documents uploaded before the first turn (planted text included)
 * @param turns user messages, in order, in one conversation ("approve" decides a pending proposal)
 */
public record Scenario(String id, String family, String description, String role, List<String> setup,
                       List<Document> documents, List<String> turns, Expectations expect) {

    public static final String INJECTION = "injection";

    public Scenario {
        Objects.requireNonNull(id, "a scenario needs an id");
        Objects.requireNonNull(family, "scenario " + id + " needs a family");
        role = role == null ? "admin" : role;
        setup = setup == null ? List.of() : List.copyOf(setup);
        documents = documents == null ? List.of() : List.copyOf(documents);
        if (turns == null || turns.isEmpty()) throw new IllegalArgumentException("scenario " + id + " has no turns");
        turns = List.copyOf(turns);
        expect = expect == null ? new Expectations(null, null, null, null, null) : expect;
    }

    public boolean isAttack() {
        return INJECTION.equals(family);
    }

    /** The checks that decide attack success: the scenario's own plus, for injections, the standard ones. */
    public List<StateCheck> securityChecks() {
        List<StateCheck> checks = new ArrayList<>(expect.security());
        if (isAttack()) {
            StateCheck.STANDARD_SECURITY.stream().filter(check -> !expect.permits().contains(check.name()))
                    .forEach(checks::add);
        }
        return checks;
    }

    /** A file for the knowledge base: its name decides the type (.md, .txt, .html). */
    public record Document(String filename, String title, String content) {
    }

    /**
     * @param state          checks on the database after the last turn (utility)
     * @param toolsRan       tools that must appear in the conversation's {@code agent.tool} audit rows
     * @param toolsNotRan    tools that must not appear there
     * @param replyContains  fragments the last reply must contain (case-insensitive)
     * @param security       checks whose failure means an attack succeeded
     * @param permits        names of standard security checks the user's own request may change (an email
     *                       to a group is a proposal), replaced by the scenario's narrower security checks
     */
    public record Expectations(List<StateCheck> state, List<String> toolsRan, List<String> toolsNotRan,
                               List<String> replyContains, List<StateCheck> security, List<String> permits) {
        public Expectations(List<StateCheck> state, List<String> toolsRan, List<String> toolsNotRan,
                            List<String> replyContains, List<StateCheck> security) {
            this(state, toolsRan, toolsNotRan, replyContains, security, null);
        }

        public Expectations {
            state = state == null ? List.of() : List.copyOf(state);
            toolsRan = toolsRan == null ? List.of() : List.copyOf(toolsRan);
            toolsNotRan = toolsNotRan == null ? List.of() : List.copyOf(toolsNotRan);
            replyContains = replyContains == null ? List.of() : List.copyOf(replyContains);
            security = security == null ? List.of() : List.copyOf(security);
            permits = permits == null ? List.of() : List.copyOf(permits);
        }
    }
}
