package io.intelligencecrm.agent.runtime;

/** Says in plain words why the model could not answer; never internals, keys or provider bodies. */
final class TurnFailures {
    private TurnFailures() {
    }

    static String explain(AgentRuntime.ModelIdentity identity, Throwable cause) {
        return "The AI model (" + identity.provider() + ") could not answer right now, so nothing more was done."
                + " Anything a tool already did is shown above. Try again in a minute.";
    }
}
