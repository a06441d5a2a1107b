package io.intelligencecrm.core.config;

/** The HTTP server: where it listens and the address people use to reach it. */
public record ServerSettings(String host, int port, String publicUrl) {

    static ServerSettings from(Env env) {
        String host = env.string("CRM_HTTP_HOST", "127.0.0.1");
        int port = env.integer("CRM_HTTP_PORT", 7070, 0, 65535);
        String publicUrl = env.string("CRM_PUBLIC_URL", "http://localhost:" + port);
        return new ServerSettings(host, port, publicUrl.replaceAll("/+$", ""));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, "http://localhost:" + newPort);
    }
}
