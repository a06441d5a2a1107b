package io.intelligencecrm.webhooks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.webhooks.delivery.StandardWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on loopback that checks every request's Standard Webhooks signature with the
 * subscription's secret and answers as scripted: a status code each, or a hang longer than any timeout.
 */
public final class Receiver implements AutoCloseable {
    public static final int HANG = -1;

    /** One request as received, with whether its signature checked out. */
    public record Received(String id, long timestamp, boolean signatureValid, JsonNode body, String path) {
        public String type() {
            return body.path("type").asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private volatile String secret;

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void secret(String secret) {
        this.secret = secret;
    }

    /** Answers the next requests with these statuses (or {@link #HANG}), then 200. */
    public synchronized void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** Answers 200 from now on. */
    public synchronized void answerNormally() {
        script.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst(StandardWebhooks.ID);
        String timestampHeader = exchange.getRequestHeaders().getFirst(StandardWebhooks.TIMESTAMP);
        long timestamp = timestampHeader == null ? 0 : Long.parseLong(timestampHeader);
        boolean valid = secret != null && id != null && StandardWebhooks.verify(secret, id, timestamp, body,
                exchange.getRequestHeaders().getFirst(StandardWebhooks.SIGNATURE));
        received.add(new Received(id, timestamp, valid, Json.mapper().readTree(body), exchange.getRequestURI().getPath()));
        int status;
        synchronized (this) {
            status = script.isEmpty() ? 200 : script.poll();
        }
        if (status == HANG) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        if (status >= 300 && status < 400) exchange.getResponseHeaders().add("Location", url("/elsewhere"));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
