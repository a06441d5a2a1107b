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
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.tenant.UnitOfWork;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every tool the model can call: refuses an identical repeat within a turn, runs the call
 * and its audit row in one transaction, turns failures into text the model can recover from (never
 * an exception into the model loop), caps the result's size, and emits start/finish events (and
 * proposals and tables) to the chat.
 * Stateless itself: the turn's state comes from the invocation context, so one instance serves all turns.
 */
final class GuardedToolExecutor implements ToolExecutor {
    private static final Logger log = LoggerFactory.getLogger(GuardedToolExecutor.class);

    private final String tool;
    private final ToolExecutor delegate;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final int maxResultChars;

    GuardedToolExecutor(String tool, ToolExecutor delegate, AuditTrail audit, UnitOfWork unitOfWork,
                        int maxResultChars) {
        this.tool = tool;
        this.delegate = delegate;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.maxResultChars = maxResultChars;
    }

    @Override
    public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
        AgentTurn turn = AgentTurn.of(context);
        turn.countToolCall();
        String callId = request.id() == null ? UUID.randomUUID().toString() : request.id();
        Map<String, Object> arguments = ToolArguments.parse(request.arguments());
        String summary = ToolSteps.line(tool, arguments);
        String details = ToolSteps.details(arguments);
        turn.events().accept(new AgentEvent.ToolStarted(callId, tool, summary, details));
        long started = System.nanoTime();

        Outcome outcome = turn.firstTimeFor(ToolArguments.signature(tool, request.arguments()))
                ? run(turn, request, context, started)
                : audited(turn, request, Outcome.error("You already called " + tool + " with exactly these arguments"
                        + " in this turn. Use that earlier result instead of calling it again."), started);

        long nanos = System.nanoTime() - started;
        CrmMetrics.toolCall(tool, !outcome.error(), Duration.ofNanos(nanos));
        long millis = nanos / 1_000_000;
        if (outcome.value() instanceof ProposalResult proposal) {
            turn.events().accept(new AgentEvent.ProposalCreated(proposal));
        } else if (outcome.value() instanceof TableResult table) {
            turn.events().accept(new AgentEvent.Table(table));
        }
        turn.events().accept(new AgentEvent.ToolFinished(callId, tool, outcome.error() ? summary + " (did not work)"
                : summary, details, !outcome.error(), millis));
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

    /**
     * The tool's service calls and its audit row are one transaction: a tool call happens whole, with
     * its audit, or not at all. A refused call is audited afterwards, on its own.
     */
    private Outcome run(AgentTurn turn, ToolExecutionRequest request, InvocationContext context, long started) {
        try {
            return unitOfWork.atomically(turn.call().actor().tenant(), () -> {
                ToolExecutionResult result = delegate.executeWithContext(request, context);
                return audited(turn, request, new Outcome(result.isError(), result.resultText(), result.result()),
                        started);
            });
        } catch (ToolArgumentsException e) {
            return audited(turn, request, Outcome.error("The arguments for " + tool + " are not valid: "
                    + e.getMessage() + ". Check the parameter names and types and try again."), started);
        } catch (ToolExecutionException e) {
            return audited(turn, request, failure(e.getCause() == null ? e : e.getCause()), started);
        } catch (RuntimeException e) {
            return audited(turn, request, failure(e), started);
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

    private Outcome audited(AgentTurn turn, ToolExecutionRequest request, Outcome outcome, long started) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tool", tool);
        entry.put("arguments", ToolArguments.forAudit(request.arguments()));
        entry.put("outcome", outcome.error() ? "error" : "ok");
        if (outcome.error()) entry.put("error", firstLine(outcome.text()));
        entry.put("millis", (System.nanoTime() - started) / 1_000_000);
        audit.record(turn.call().actor(), "agent.tool", "conversation", turn.call().conversationId(), entry,
                turn.call().conversationId());
        return outcome;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
