package io.intelligencecrm.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS served by the product itself when a PEM certificate and key are configured (made here with
 * the JDK's keytool, as a CA's or ACME client's files would be), with HSTS; plain HTTP is not spoken.
 */
class HttpsTest {
    private static final String PASSWORD = "changeit";
    private static CrmApplication application;
    private static HttpClient trusting;

    @BeforeAll
    static void start() throws Exception {
        Path folder = Files.createTempDirectory("crm-tls-");
        Path keystore = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD).inheritIO().start();
        assertEquals(0, keytool.waitFor());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = store.getCertificate("server");
        PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD.toCharArray());
        Path certificateFile = folder.resolve("cert.pem");
        Path keyFile = folder.resolve("key.pem");
        Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        application = TestServer.start(Map.of("CRM_TLS_CERT_FILE", certificateFile.toString(),
                "CRM_TLS_KEY_FILE", keyFile.toString(), "CRM_DEMO_DATA", "false"));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trustManagers.getTrustManagers(), null);
        trusting = HttpClient.newBuilder().sslContext(ssl).build();
    }

    @AfterAll
    static void stop() {
        application.stop();
    }

    @Test
    void the_server_speaks_https_with_the_configured_certificate_and_sends_hsts() throws Exception {
        assertTrue(application.url().startsWith("https://"), application.url());
        HttpResponse<String> live = trusting.send(HttpRequest.newBuilder(URI.create(application.url() + "/health/live"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode());
        assertEquals("max-age=31536000", live.headers().firstValue("Strict-Transport-Security").orElse(""));
    }

    @Test
    void plain_http_is_not_answered() {
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + application.port() + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
