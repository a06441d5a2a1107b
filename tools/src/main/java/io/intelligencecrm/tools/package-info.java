/** The agent's tools: thin adapters over the CRM services. */
package io.intelligencecrm.tools;
