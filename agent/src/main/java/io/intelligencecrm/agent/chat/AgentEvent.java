package io.intelligencecrm.agent.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import java.util.Map;
import java.util.UUID;

/**
 * What a chat client sees while a turn runs, in order: the turn starts, tokens stream, tools start
 * and finish, proposals and tables appear, and one final (or error) event ends it. Every channel
 * (WebSocket, HTTP with or without SSE, Slack, email) renders these same events.
 */
public sealed interface AgentEvent {

    /** The event's name on the wire. */
    String type();

    /** The event as a conversation stores it, to show it again when the conversation is reopened. */
    static String stored(AgentEvent event) {
        try {
            return Json.mapper().writeValueAsString(Map.of("type", event.type(), "data", event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event.type(), e);
        }
    }

    record Started(UUID conversationId, String title, String mode) implements AgentEvent {
        public String type() {
            return "started";
        }
    }

    record Token(String text) implements AgentEvent {
        public String type() {
            return "token";
        }
    }

    /**
     * @param summary the step in plain words ("Looked up contacts: acme"), never ids
     * @param details the arguments as "Field: value" pairs, ids left out, for the step's details
     */
    record ToolStarted(String callId, String tool, String summary, String details) implements AgentEvent {
        public String type() {
            return "tool_started";
        }
    }

    record ToolFinished(String callId, String tool, String summary, String details, boolean ok, long millis)
            implements AgentEvent {
        public String type() {
            return "tool_finished";
        }
    }

    record ProposalCreated(ProposalResult proposal) implements AgentEvent {
        public String type() {
            return "proposal";
        }
    }

    /** A proposal decided from the chat itself ("approve", "yes, send it"). */
    record ProposalDecided(UUID proposalId, String status, String summary) implements AgentEvent {
        public String type() {
            return "proposal_decided";
        }
    }

    record Table(TableResult table) implements AgentEvent {
        public String type() {
            return "table";
        }
    }

    record Final(UUID conversationId, String text, int toolCalls, int inputTokens, int outputTokens)
            implements AgentEvent {
        public String type() {
            return "final";
        }
    }

    /** The turn ended without an answer; the message is written for the user and never holds internals. */
    record Failed(UUID conversationId, String code, String message) implements AgentEvent {
        public String type() {
            return "error";
        }
    }
}
