package io.intelligencecrm.web.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client over one kept-alive loopback socket: the load generator of the API
 * benchmark. The JDK's HttpClient spends more CPU per request than the server under test does,
 * and on two shared cores that would measure the client, not the API. Not thread-safe: one per thread.
 */
final class KeepAliveHttp implements AutoCloseable {
    private final String host;
    private final int port;
    private final String bearer;
    private final String cookie;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(String host, int port, String bearer) {
        this(host, port, bearer, null);
    }

    /** @param cookie a browser's session cookie ("name=value"), sent instead of the bearer token */
    KeepAliveHttp(String host, int port, String bearer, String cookie) {
        this.host = host;
        this.port = port;
        this.bearer = bearer;
        this.cookie = cookie;
    }

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response get(String path) throws IOException {
        return send("GET", path, null);
    }

    Response post(String path, String json) throws IOException {
        return send("POST", path, json);
    }

    private Response send(String method, String path, String json) throws IOException {
        if (socket == null) connect();
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\n");
        if (cookie != null) head.append("Cookie: ").append(cookie).append("\r\nAccept: text/html\r\n");
        else head.append("Authorization: Bearer ").append(bearer).append("\r\nAccept: application/json\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Integer.parseInt(value);
            if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
        }
        if (!chunked) return new Response(status, in.readNBytes(Math.max(length, 0)));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return new Response(status, body.toByteArray());
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed by the server");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) socket.close();
    }
}
