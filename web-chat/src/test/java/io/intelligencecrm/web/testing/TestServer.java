package io.intelligencecrm.web.testing;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.web.CrmApplication;
import java.util.HashMap;
import java.util.Map;

/** The real application on a fresh test database and a free port. */
public final class TestServer {
    private TestServer() {
    }

    public static CrmApplication start() {
        return start(Map.of());
    }

    /** Starts with extra environment variables, as an operator would configure it. */
    public static CrmApplication start(Map<String, String> environment) {
        return start(environment, null);
    }

    /** With a model of the test's own instead of the configured provider. */
    public static CrmApplication start(Map<String, String> environment, StreamingChatModel model) {
        return startOn(TestPostgres.get().freshDatabase(), environment, model);
    }

    /** Another app node on the first one's database, as a load-balanced deployment runs. */
    public static CrmApplication secondNode(CrmApplication first, Map<String, String> environment) {
        return startOn(first.database().coordinates(), environment, null);
    }

    private static CrmApplication startOn(DatabaseCoordinates database, Map<String, String> environment,
                                          StreamingChatModel model) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("CRM_DATABASE_URL", database.url());
        env.put("CRM_DATABASE_OWNER_USER", database.ownerUser());
        env.put("CRM_DATABASE_OWNER_PASSWORD", database.ownerPassword());
        env.put("CRM_DATABASE_APP_USER", database.appUser());
        env.put("CRM_DATABASE_APP_PASSWORD", database.appPassword());
        env.put("CRM_HTTP_PORT", "0");
        env.putIfAbsent("CRM_DATA_DIR", System.getProperty("java.io.tmpdir") + "/crm-test-data");
        env.putIfAbsent("CRM_DEMO_DATA", "true");
        // Tests score on demand: a timer or a background rescore landing mid-test would make results
        // depend on timing (a planted score overwritten, say). Scoring's own tests cover both paths.
        env.putIfAbsent("CRM_SCORING_SCHEDULE", "false");
        env.putIfAbsent("CRM_SCORING_ON_CHANGE", "false");
        return CrmApplication.start(Settings.from(env), model);
    }
}
