package io.intelligencecrm.web;

import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseRuntime;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.web.health.HealthController;
import io.intelligencecrm.web.http.ErrorResponses;
import io.intelligencecrm.web.http.RequestLog;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root: builds every object of the product with constructors, in one place,
 * and owns the server and the database for their whole life. Tests build it with test settings.
 */
public final class CrmApplication {
    private final Settings settings;
    private final DatabaseRuntime runtime;
    private final Javalin server;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private CrmApplication(Settings settings, DatabaseRuntime runtime, Javalin server) {
        this.settings = settings;
        this.runtime = runtime;
        this.server = server;
    }

    public static CrmApplication start(Settings settings) {
        DatabaseRuntime runtime = DatabaseRuntime.open(settings.database());
        try {
            Database database = runtime.database();
            Clock clock = Clock.systemUTC();
            TenantDirectory directory = new TenantDirectory(database.jdbi());
            if (settings.demoData()) {
                new DemoData(directory, new TenantProvisioning(database.ownerJdbi()), database.tenants(),
                        new PasswordHasher(), clock).ensureSeeded();
            }
            HealthController health = new HealthController(database, directory, settings.demoData());

            Javalin server = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jsonMapper(new JavalinJackson(Json.mapper(), false));
                config.jetty.host = settings.server().host();
                config.requestLogger.http(new RequestLog());
                ErrorResponses.register(config.routes);
                config.routes.get("/health/live", health::live);
                config.routes.get("/health/ready", health::ready);
            });
            server.start(settings.server().port());
            return new CrmApplication(settings, runtime, server);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return runtime.database();
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return settings.server().port() == 0 ? "http://localhost:" + port() : settings.server().publicUrl();
    }

    /** Stops taking requests, lets running ones finish, then closes the pool and the local cluster. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) return;
        server.stop();
        runtime.close();
    }
}
