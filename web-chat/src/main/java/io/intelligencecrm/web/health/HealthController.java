package io.intelligencecrm.web.health;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness (the process answers) and readiness (the database answers and the schema is current). */
public final class HealthController {
    private final Database database;
    private final TenantDirectory directory;
    private final boolean demoExpected;

    public HealthController(Database database, TenantDirectory directory, boolean demoExpected) {
        this.database = database;
        this.directory = directory;
        this.demoExpected = demoExpected;
    }

    public void live(Context ctx) {
        ctx.json(Map.of("status", "live"));
    }

    public void ready(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean reachable = database.reachable();
        // Migrations run before the server starts, so a reachable database has the current schema.
        body.put("database", reachable ? "up" : "down");
        body.put("migrations", reachable ? "applied" : "unknown");
        boolean ready = reachable;
        if (demoExpected && reachable) {
            boolean demo = directory.findBySlugOrDomain(DemoData.SLUG).isPresent();
            body.put("demoTenant", demo ? "loaded" : "missing");
            ready = demo;
        }
        body.put("status", ready ? "ready" : "not ready");
        ctx.status(ready ? 200 : 503).json(body);
    }
}
