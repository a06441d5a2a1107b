package io.intelligencecrm.outreach.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SMTP server on a real loopback socket whose faults a test chooses: per recipient, a reply to
 * RCPT TO (4xx the first N times, then 250; or 5xx always); refusing connections for a while (it stops
 * listening); closing connections right after accepting them, or right after accepting a message.
 * Keeps every message it accepted, per recipient. Speaks just enough SMTP for jakarta-mail.
 */
public final class FaultySmtpServer implements AutoCloseable {
    private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

    /** One message the server took, as the client sent it (dot-unstuffed). */
    public record Accepted(String recipient, String data) {
        public String messageId() {
            Matcher id = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)").matcher(data);
            return id.find() ? id.group(1) : null;
        }
    }

    private record Rule(String reply, int times) {
    }

    private final int port;
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rcptCounts = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropOnConnect = new AtomicInteger();
    private final AtomicInteger dropAfterAccepting = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ServerSocket listening;

    public FaultySmtpServer() {
        try {
            listening = bind(0);
            port = listening.getLocalPort();
            startAccepting(listening);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** RCPT TO this address gets {@code reply} (e.g. "451 4.7.1 Greylisted") the first {@code times} times, then 250. */
    public FaultySmtpServer refuse(String recipient, String reply, int times) {
        rules.put(recipient.toLowerCase(Locale.ROOT), new Rule(reply, times));
        return this;
    }

    /** Stops listening: connections are refused until {@link #listen()}. */
    public synchronized void stopListening() throws IOException {
        listening.close();
    }

    public synchronized void listen() throws IOException {
        if (!listening.isClosed()) return;
        listening = bind(port);
        startAccepting(listening);
    }

    /** The next {@code count} connections are closed at once, before the greeting. */
    public void dropOnConnect(int count) {
        dropOnConnect.set(count);
    }

    /** After each of the next {@code count} accepted messages (250 sent), the connection is closed. */
    public void dropAfterAccepting(int count) {
        dropAfterAccepting.set(count);
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    public List<Accepted> acceptedFor(String recipient) {
        return accepted.stream().filter(a -> a.recipient().equalsIgnoreCase(recipient)).toList();
    }

    /** How often RCPT TO named this address. */
    public int rcptCount(String recipient) {
        AtomicInteger count = rcptCounts.get(recipient.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    public int connections() {
        return connections.get();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void startAccepting(ServerSocket socket) {
        Thread.ofVirtual().name("faulty-smtp-accept").start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().name("faulty-smtp-session").start(() -> session(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void session(Socket client) {
        try (client) {
            if (dropOnConnect.getAndUpdate(n -> Math.max(0, n - 1)) > 0) return;
            client.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 faulty.test ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 faulty.test");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> reply(out, recipient(line, recipients));
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data = readData(in);
                        for (String recipient : recipients) accepted.add(new Accepted(recipient, data));
                        recipients.clear();
                        reply(out, "250 2.0.0 Accepted");
                        if (dropAfterAccepting.getAndUpdate(n -> Math.max(0, n - 1)) > 0) return;
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to keep.
        }
    }

    private String recipient(String line, List<String> recipients) {
        Matcher matcher = ADDRESS.matcher(line);
        if (!matcher.find()) return "501 5.1.3 Bad recipient address syntax";
        String address = matcher.group(1).toLowerCase(Locale.ROOT);
        int count = rcptCounts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        Rule rule = rules.get(address);
        if (rule != null && (rule.reply().startsWith("5") || count <= rule.times())) return rule.reply();
        recipients.add(address);
        return "250 2.1.5 OK";
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        listening.close();
    }
}
