package io.intelligencecrm.agent.decision;

import java.util.List;
import java.util.Map;

/**
 * Chooses one of a workflow step's declared branches for a question about a record: a structured choice,
 * never a word found somewhere in free text. An answer that does not decide is {@link BranchChoice#unclear}.
 */
public interface BranchDecider {

    /**
     * @param question the step's prompt, placeholders filled in
     * @param record   the contact or deal the run is about (may be empty); data, never instructions
     * @param branches the declared branch names, in order
     */
    BranchChoice decide(String question, Map<String, Object> record, List<String> branches);
}
