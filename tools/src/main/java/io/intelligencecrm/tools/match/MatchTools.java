package io.intelligencecrm.tools.match;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.match.RecordMatch;
import io.intelligencecrm.core.match.RecordMatcher;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.util.List;
import java.util.UUID;

/** Which records a message names; reads only, so every role has it. */
public final class MatchTools {
    private static final int MAX_TEXT = 2000;

    private final CrmServices services;

    public MatchTools(CrmServices services) {
        this.services = services;
    }

    /** @param note how to read the matches */
    public record Matches(List<RecordMatch> matches, String note) {
    }

    @Tool("Finds which of the CRM's contacts, companies, deals and team members a piece of text names, tolerating "
            + "typos and partial names ('jane prk', 'acme corp', 'b.example'). Returns each record with the words "
            + "that name it, where they are, and a score (1 = the whole name). Use it to resolve names before acting.")
    public Matches matchRecords(
            @P("the text to look for names in, e.g. the user's message") String text,
            @P(value = "ids of records created or shown earlier in this conversation; they rank first",
                    required = false) List<String> recentIds,
            InvocationParameters parameters) {
        if (!ToolArguments.given(text)) throw CrmException.invalid("text", "is required");
        if (text.length() > MAX_TEXT) throw CrmException.invalid("text", "at most " + MAX_TEXT + " characters");
        List<UUID> recent = recentIds == null || recentIds.isEmpty() ? List.of()
                : ToolArguments.ids("recentIds", recentIds);
        List<RecordMatch> matches = services.matcher().match(ToolCall.of(parameters).actor(), text, recent);
        return new Matches(matches, matches.isEmpty() ? "No record is named in this text."
                : "Best first. spanMatches is how many records of that kind the same words matched (up to "
                + RecordMatcher.CANDIDATES + "): more than one means the words alone are ambiguous.");
    }
}
