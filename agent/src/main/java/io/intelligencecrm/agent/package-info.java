/** The CRM agent: AiServices wiring, system prompt, chat memory, model providers. */
package io.intelligencecrm.agent;
