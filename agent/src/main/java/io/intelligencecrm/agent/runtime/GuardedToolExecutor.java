package io.intelligencecrm.agent.runtime;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every tool the model can call: refuses an identical repeat within a turn, turns failures
 * into text the model can recover from (never an exception into the model loop), caps the result's
 * size, emits start/finish events (and proposals and tables) to the chat, and audits the call.
 * Stateless itself: the turn's state comes from the invocation context, so one instance serves all turns.
 */
final class GuardedToolExecutor implements ToolExecutor {
    private static final Logger log = LoggerFactory.getLogger(GuardedToolExecutor.class);

    private final String tool;
    private final ToolExecutor delegate;
    private final AuditTrail audit;
    private final int maxResultChars;

    GuardedToolExecutor(String tool, ToolExecutor delegate, AuditTrail audit, int maxResultChars) {
        this.tool = tool;
        this.delegate = delegate;
        this.audit = audit;
        this.maxResultChars = maxResultChars;
    }

    @Override
    public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
        AgentTurn turn = AgentTurn.of(context);
        turn.countToolCall();
        String callId = request.id() == null ? UUID.randomUUID().toString() : request.id();
        String summary = ToolArguments.summary(tool, request.arguments());
        turn.events().accept(new AgentEvent.ToolStarted(callId, tool, summary));
        long started = System.nanoTime();

        Outcome outcome = turn.firstTimeFor(ToolArguments.signature(tool, request.arguments()))
                ? run(request, context)
                : Outcome.error("You already called " + tool + " with exactly these arguments in this turn. "
                        + "Use that earlier result instead of calling it again.");

        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.value() instanceof ProposalResult proposal) {
            turn.events().accept(new AgentEvent.ProposalCreated(proposal));
        } else if (outcome.value() instanceof TableResult table) {
            turn.events().accept(new AgentEvent.Table(table));
        }
        record(turn, request, outcome, millis);
        turn.events().accept(new AgentEvent.ToolFinished(callId, tool, outcome.error() ? "failed: "
                + firstLine(outcome.text()) : summary, !outcome.error(), millis));
        return ToolExecutionResult.builder().isError(outcome.error()).resultText(capped(outcome.text()))
                .result(outcome.value()).build();
    }

    @Override
    public String execute(ToolExecutionRequest request, Object memoryId) {
        throw new UnsupportedOperationException("CRM tools run only inside an agent turn");
    }

    private record Outcome(boolean error, String text, Object value) {
        static Outcome error(String text) {
            return new Outcome(true, text, null);
        }
    }

    private Outcome run(ToolExecutionRequest request, InvocationContext context) {
        try {
            ToolExecutionResult result = delegate.executeWithContext(request, context);
            return new Outcome(result.isError(), result.resultText(), result.result());
        } catch (ToolArgumentsException e) {
            return Outcome.error("The arguments for " + tool + " are not valid: " + e.getMessage()
                    + ". Check the parameter names and types and try again.");
        } catch (ToolExecutionException e) {
            return failure(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    private Outcome failure(Throwable cause) {
        if (cause instanceof CrmException crm) {
            StringBuilder text = new StringBuilder(tool).append(" was refused: ").append(crm.getMessage());
            crm.fieldErrors().forEach((field, message) -> text.append("\n- ").append(field).append(": ").append(message));
            return Outcome.error(text.toString());
        }
        log.error("Tool {} failed", tool, cause);
        return Outcome.error(tool + " failed because of an internal error; nothing was changed by this call. "
                + "Tell the user it did not work and suggest trying again later.");
    }

    private String capped(String text) {
        if (text == null) return "";
        if (text.length() <= maxResultChars) return text;
        return text.substring(0, maxResultChars) + "\n[result truncated: " + (text.length() - maxResultChars)
                + " more characters. Ask for fewer rows or a narrower filter.]";
    }

    private void record(AgentTurn turn, ToolExecutionRequest request, Outcome outcome, long millis) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tool", tool);
        entry.put("arguments", ToolArguments.forAudit(request.arguments()));
        entry.put("outcome", outcome.error() ? "error" : "ok");
        if (outcome.error()) entry.put("error", firstLine(outcome.text()));
        entry.put("millis", millis);
        try {
            audit.record(turn.call().actor(), "agent.tool", "conversation", turn.call().conversationId(), entry,
                    turn.call().conversationId());
        } catch (RuntimeException e) {
            log.error("Could not audit tool call {}", tool, e);
        }
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
