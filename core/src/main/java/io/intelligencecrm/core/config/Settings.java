package io.intelligencecrm.core.config;

import java.util.Map;

/**
 * Every setting of the product, read from environment variables in this one place.
 * Each variable is documented with its default in docs/operating/configuration.md.
 */
public record Settings(DatabaseSettings database, ServerSettings server, AuthSettings auth, AgentSettings agent,
                       KnowledgeSettings knowledge, boolean demoData, SecretSettings secrets, SlackSettings slack,
                       OutreachSettings outreach, SchedulerSettings scheduler, ScoringSettings scoring,
                       EmailBotPolling emailBot, ObservabilitySettings observability, BackupSettings backup,
                       WebhookSettings webhooks) {

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> variables) {
        Env env = new Env(variables);
        Settings settings = new Settings(
                DatabaseSettings.from(env),
                ServerSettings.from(env),
                AuthSettings.from(env),
                AgentSettings.from(env),
                KnowledgeSettings.from(env),
                env.flag("CRM_DEMO_DATA", true),
                SecretSettings.from(env),
                SlackSettings.from(env),
                OutreachSettings.from(env),
                SchedulerSettings.from(env),
                ScoringSettings.from(env),
                EmailBotPolling.from(env),
                ObservabilitySettings.from(env),
                BackupSettings.from(env),
                WebhookSettings.from(env));
        env.requireValid();
        return settings;
    }

    public Settings withDatabase(DatabaseSettings newDatabase) {
        return new Settings(newDatabase, server, auth, agent, knowledge, demoData, secrets, slack, outreach, scheduler,
                scoring, emailBot, observability, backup, webhooks);
    }

    public Settings withServer(ServerSettings newServer) {
        return new Settings(database, newServer, auth, agent, knowledge, demoData, secrets, slack, outreach, scheduler,
                scoring, emailBot, observability, backup, webhooks);
    }

    public Settings withDemoData(boolean seed) {
        return new Settings(database, server, auth, agent, knowledge, seed, secrets, slack, outreach, scheduler,
                scoring, emailBot, observability, backup, webhooks);
    }
}
