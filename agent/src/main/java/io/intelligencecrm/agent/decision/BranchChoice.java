package io.intelligencecrm.agent.decision;

/**
 * Which declared branch a decision took, and why.
 *
 * @param branch one of the declared branch names; null when the answer did not decide
 * @param reason why, in a sentence (the model's reason, or the evidence the offline classifier found)
 */
public record BranchChoice(String branch, String reason) {

    public static BranchChoice unclear(String reason) {
        return new BranchChoice(null, reason);
    }

    public boolean clear() {
        return branch != null;
    }
}
