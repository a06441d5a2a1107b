package io.intelligencecrm.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The HTTP server: where it listens, the address people use to reach it, and, when a certificate and
 * its private key (PEM files) are configured, HTTPS served directly instead of by a proxy in front.
 */
public record ServerSettings(String host, int port, String publicUrl, Optional<Tls> tls) {

    /** @param certificate PEM certificate chain, the server's own first; @param key its PKCS#8 PEM private key */
    public record Tls(Path certificate, Path key) {
    }

    static ServerSettings from(Env env) {
        String host = env.string("CRM_HTTP_HOST", "127.0.0.1");
        int port = env.integer("CRM_HTTP_PORT", 7070, 0, 65535);
        Optional<String> certificate = env.optional("CRM_TLS_CERT_FILE");
        Optional<String> key = env.optional("CRM_TLS_KEY_FILE");
        Optional<Tls> tls = Optional.empty();
        if (certificate.isPresent() != key.isPresent()) {
            env.problem("CRM_TLS_CERT_FILE and CRM_TLS_KEY_FILE go together: set both to serve HTTPS, or neither");
        } else if (certificate.isPresent()) {
            tls = Optional.of(new Tls(readable(env, "CRM_TLS_CERT_FILE", certificate.get()),
                    readable(env, "CRM_TLS_KEY_FILE", key.get())));
        }
        String scheme = tls.isPresent() ? "https" : "http";
        String publicUrl = env.string("CRM_PUBLIC_URL", scheme + "://localhost:" + port);
        return new ServerSettings(host, port, publicUrl.replaceAll("/+$", ""), tls);
    }

    private static Path readable(Env env, String name, String value) {
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isReadable(path)) env.problem(name + " names " + path + ", which does not exist or cannot be read");
        return path;
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, (tls.isPresent() ? "https" : "http") + "://localhost:" + newPort, tls);
    }
}
