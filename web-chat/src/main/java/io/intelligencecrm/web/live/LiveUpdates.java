package io.intelligencecrm.web.live;

import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.web.auth.CurrentActor;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans PostgreSQL change notifications ({@code crm_changes}, sent by triggers on commit) out to the
 * browsers of the changed tenant over {@code /ws/live}. One dedicated connection LISTENs; bursts are
 * folded into one frame per tenant every half second, naming the tables that changed. Because the
 * database notifies every listening node, a change made on any node reaches every browser.
 */
public final class LiveUpdates implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final String CHANNEL = "crm_changes";
    private static final int FOLD_MILLIS = 500;

    private final DatabaseCoordinates database;
    private final Map<TenantId, Set<WsContext>> sockets = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection connection;

    public LiveUpdates(DatabaseCoordinates database) {
        this.database = database;
        this.listener = Thread.ofVirtual().name("live-updates").unstarted(this::listen);
    }

    public LiveUpdates start() {
        listener.start();
        return this;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.enableAutomaticPings();
            Actor actor = CurrentActor.of(ctx);
            sockets.computeIfAbsent(actor.tenant(), tenant -> ConcurrentHashMap.newKeySet()).add(ctx);
            send(ctx, "{\"type\":\"ready\"}");
        });
        ws.onClose(ctx -> sockets.values().forEach(set -> set.remove(ctx)));
        ws.onError(ctx -> sockets.values().forEach(set -> set.remove(ctx)));
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection listening = DriverManager.getConnection(database.url(), database.appUser(), database.appPassword())) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoff = 500;
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] first = pg.getNotifications(1000);
                    if (first == null || first.length == 0) continue;
                    Map<TenantId, Set<String>> changed = new HashMap<>();
                    collect(first, changed);
                    Thread.sleep(FOLD_MILLIS);
                    PGNotification[] more = pg.getNotifications(1);
                    if (more != null) collect(more, changed);
                    changed.forEach(this::tell);
                }
            } catch (SQLException e) {
                if (!running) return;
                log.warn("live updates: lost the database connection ({}); retrying", e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void collect(PGNotification[] notifications, Map<TenantId, Set<String>> changed) {
        for (PGNotification notification : notifications) {
            String[] parts = notification.getParameter().split(":", 2);
            try {
                changed.computeIfAbsent(TenantId.of(parts[0]), tenant -> new TreeSet<>()).add(parts.length > 1 ? parts[1] : "");
            } catch (IllegalArgumentException e) {
                log.debug("live updates: ignoring notification {}", notification.getParameter());
            }
        }
    }

    private void tell(TenantId tenant, Set<String> tables) {
        Set<WsContext> listeners = sockets.get(tenant);
        if (listeners == null || listeners.isEmpty()) return;
        String frame = "{\"type\":\"changed\",\"tables\":[" + String.join(",", tables.stream()
                .map(table -> "\"" + table.replaceAll("[^a-z_]", "") + "\"").toList()) + "]}";
        listeners.forEach(ctx -> send(ctx, frame));
    }

    private static void send(WsContext ctx, String frame) {
        synchronized (ctx.session) {
            if (ctx.session.isOpen()) ctx.send(frame);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                log.debug("live updates: closing", e);
            }
        }
    }
}
