package io.intelligencecrm.web.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.intelligencecrm.core.config.ConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A listener of its own for monitoring (CRM_METRICS_PORT): only the metrics, on an address the
 * public never reaches, so no token is needed. The JDK's small HTTP server is enough for a scraper.
 */
public final class ManagementServer implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private ManagementServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ManagementServer start(String host, int port, String path, Supplier<String> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new ConfigurationException("Port " + port + " on " + host + " is already in use: stop the other "
                    + "process or set CRM_METRICS_PORT.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metrics listener on " + host + ":" + port, e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                boolean found = exchange.getRequestURI().getPath().equals(path);
                boolean get = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
                if (!found) answer(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                else if (!get) answer(exchange, 405, "text/plain; charset=utf-8", "use GET\n");
                else answer(exchange, 200, CONTENT_TYPE, metrics.get());
            }
        });
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new ManagementServer(server, executor);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
    }
}
