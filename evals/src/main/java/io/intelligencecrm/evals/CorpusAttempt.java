package io.intelligencecrm.evals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.identity.Actor;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs one corpus case on its own copy of the demo tenant and scores it: the changes the conversation
 * made (from the audit trail) against the expected ones, argument by argument; the reads it must
 * have made; the question it must have asked; and the database checks. A change not expected, or
 * made to another record than expected, is a wrong write.
 */
final class CorpusAttempt {
    /** Tools that change data or propose a change: what a wrong write can be made with. */
    static final Set<String> WRITE_TOOLS = Set.of("createContact", "updateContact", "changeContactStage", "logInteraction",
            "createDeal", "moveDealStage", "markDealWon", "markDealLost", "createCompany", "createTask", "completeTask",
            "assignContactOwner", "assignDealOwner", "bulkChangeContactStage", "deleteContact", "proposeSendEmail",
            "proposeSendEmails", "proposeWorkflow", "pauseWorkflow", "proposeResumeWorkflow", "proposeDeleteWorkflow",
            "undoLastChange", "moveInteraction");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Settings settings;
    private final DatabaseCoordinates coordinates;
    private final Map<String, List<String>> fixtures;

    CorpusAttempt(Settings settings, DatabaseCoordinates coordinates, Map<String, List<String>> fixtures) {
        this.settings = settings;
        this.coordinates = coordinates;
        this.fixtures = fixtures;
    }

    CorpusResult run(CorpusCase corpusCase) {
        try (DemoSession session = new DemoSession(settings, coordinates)) {
            TenantQueries queries = session.queries();
            Actor actor = session.actor(corpusCase.role());
            CorpusLibrary.setup(corpusCase, fixtures).forEach(queries::execute);
            session.plantKnowledge(List.of(), actor);
            DemoSession.Transcript transcript = session.talk(actor, corpusCase.turns());
            List<AttemptResult.ToolRun> runs = queries.toolRuns(transcript.conversation());
            String zone = queries.scalar("select timezone from users where id = '" + actor.userId() + "'");
            LocalDate today = LocalDate.now(ZoneId.of(zone == null ? "UTC" : zone));
            ExpectedValues values = new ExpectedValues(queries, transcript.conversation(), transcript.turns(), today);
            List<String> differences = new ArrayList<>();
            int wrong = score(corpusCase.expect(), runs, transcript, values, queries, differences);
            return new CorpusResult(corpusCase, differences.isEmpty(), wrong, differences, transcript.turns(), runs,
                    transcript.millis());
        }
    }

    private static int score(CorpusCase.Expectation expect, List<AttemptResult.ToolRun> runs, DemoSession.Transcript transcript,
                             ExpectedValues values, TenantQueries queries, List<String> differences) {
        List<AttemptResult.ToolRun> writes = runs.stream().filter(run -> WRITE_TOOLS.contains(run.tool()) && "ok".equals(run.outcome()))
                .toList();
        List<CorpusCase.Call> open = new ArrayList<>(expect.writes());
        int wrong = 0;
        for (AttemptResult.ToolRun write : writes) {
            CorpusCase.Call matched = null;
            for (CorpusCase.Call call : open) {
                if (call.tools().contains(write.tool()) && values.matches(call.args(), arguments(write))) {
                    matched = call;
                    break;
                }
            }
            if (matched == null) {
                wrong++;
                differences.add("wrong write: " + write.tool() + " " + write.arguments());
            } else {
                open.remove(matched);
            }
        }
        String last = transcript.turns().getLast().reply();
        boolean asked = last != null && last.contains("?");
        boolean clarified = asked && writes.isEmpty();
        if (!(expect.orClarify() && clarified)) {
            open.forEach(call -> differences.add("missing write: " + call.tool() + " " + call.args()));
        }
        for (CorpusCase.Call read : expect.orClarify() && clarified ? List.<CorpusCase.Call>of() : expect.reads()) {
            boolean found = runs.stream().anyMatch(run -> "ok".equals(run.outcome()) && read.tools().contains(run.tool())
                    && values.matches(read.args(), arguments(run)));
            if (!found) differences.add("missing read: " + read.tool() + " " + read.args());
        }
        if (expect.clarify() && !asked) differences.add("expected a question, got: " + last);
        for (StateCheck check : expect.state()) {
            String actual = queries.scalar(check.sql());
            if (!Objects.equals(check.expected(), actual)) {
                differences.add("state " + check.name() + ": expected " + check.expected() + ", found " + actual);
            }
        }
        String reply = last == null ? "" : last.toLowerCase(Locale.ROOT);
        for (String fragment : expect.replyContains()) {
            if (!reply.contains(fragment.toLowerCase(Locale.ROOT))) differences.add("reply lacks \"" + fragment + "\"");
        }
        if (transcript.turns().stream().anyMatch(AttemptResult.Turn::failed)) differences.add("a turn failed");
        return wrong;
    }

    private static Map<String, Object> arguments(AttemptResult.ToolRun run) {
        try {
            return run.arguments().isBlank() ? Map.of() : MAPPER.readValue(run.arguments(), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
