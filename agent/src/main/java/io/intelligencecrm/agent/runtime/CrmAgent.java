package io.intelligencecrm.agent.runtime;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import io.intelligencecrm.agent.memory.ConversationKey;

/** The CRM agent as LangChain4j sees it: one streaming chat method per turn. */
interface CrmAgent {
    TokenStream chat(@MemoryId ConversationKey conversation, @UserMessage String message, InvocationParameters turn);
}
