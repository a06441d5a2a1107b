package io.intelligencecrm.outreach.sms;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server speaking Twilio's Messages API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, HTTP Basic auth): 201 with a message sid, 401 for a wrong token, 400 with error 21610
 * for a number that replied STOP at the carrier.
 */
public final class TwilioStandIn implements AutoCloseable {
    public final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    public final Map<String, String> tokens = new ConcurrentHashMap<>();
    public final Set<String> optedOutAtCarrier = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    public TwilioStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2010-04-01/Accounts/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String sid = path.substring("/2010-04-01/Accounts/".length(), path.indexOf("/Messages.json"));
            String expected = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + tokens.get(sid))
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, String> fields = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status;
            String body;
            if (!tokens.containsKey(sid) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}";
            } else if (optedOutAtCarrier.contains(fields.get("To"))) {
                status = 400;
                body = "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\", \"status\": 400}";
            } else {
                fields.put("AccountSid", sid);
                received.add(fields);
                status = 201;
                body = "{\"sid\": \"SM" + received.size() + "\", \"status\": \"queued\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
