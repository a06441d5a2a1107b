package io.intelligencecrm.web.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real {@code java.net.http} WebSocket on {@code /ws/chat} that queues the frames it receives. */
final class ChatSocketClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;

    private ChatSocketClient(WebSocket socket, BlockingQueue<JsonNode> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects to {@code baseUrl}'s chat socket; a null token or origin leaves that header out. */
    static ChatSocketClient connect(String baseUrl, String token, String origin, String query) {
        return open(HTTP.newWebSocketBuilder(), baseUrl, token, origin, query).join();
    }

    static java.util.concurrent.CompletableFuture<ChatSocketClient> open(WebSocket.Builder builder, String baseUrl,
                                                                         String token, String origin, String query) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        builder.connectTimeout(Duration.ofSeconds(5));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (origin != null) builder.header("Origin", origin);
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/chat" + (query == null ? "" : "?" + query));
        return builder.buildAsync(uri, new Collector(frames)).thenApply(socket -> new ChatSocketClient(socket, frames));
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next frame, failing after a few seconds without one. */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(15, TimeUnit.SECONDS);
            if (frame == null) throw new AssertionError("no frame from the chat socket");
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Frames up to and including the one that ends a turn ({@code final} or {@code error}). */
    List<JsonNode> untilTurnEnds() {
        List<JsonNode> received = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            received.add(frame);
            String type = frame.path("type").asText();
            if (type.equals("final") || type.equals("error")) return received;
        }
    }

    /** The subprotocol the server selected, empty when none. */
    String subprotocol() {
        return socket.getSubprotocol();
    }

    boolean open() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** Joins partial text messages and parses each whole frame. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> frames;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(ChatWire.parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
