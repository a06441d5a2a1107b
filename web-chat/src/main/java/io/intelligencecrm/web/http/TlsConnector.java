package io.intelligencecrm.web.http;

import io.intelligencecrm.core.config.ConfigurationException;
import io.intelligencecrm.core.config.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener used instead of plain HTTP when a certificate and key are configured. Both are
 * PEM files as certificate authorities and ACME clients write them: the chain with the server's own
 * certificate first, and an unencrypted PKCS#8 private key ("BEGIN PRIVATE KEY", RSA or EC).
 */
public final class TlsConnector {
    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    private TlsConnector() {
    }

    public static Connector create(Server server, HttpConfiguration http, ServerSettings settings, ServerSettings.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore(tls));
        ssl.setKeyStorePassword(new String(IN_MEMORY_PASSWORD));
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Whether the certificate fits the name the client used is the client's check to make.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    static KeyStore keyStore(ServerSettings.Tls tls) {
        try {
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(tls.certificate())) {
                Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                        .generateCertificates(in);
                chain = certificates.toArray(Certificate[]::new);
            }
            if (chain.length == 0) throw new ConfigurationException("CRM_TLS_CERT_FILE holds no certificate");
            PrivateKey key = privateKey(Files.readString(tls.key()), chain[0].getPublicKey().getAlgorithm());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("CRM_TLS_CERT_FILE and CRM_TLS_KEY_FILE could not be read as a PEM "
                    + "certificate chain and its private key: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(String pem, String algorithm) throws GeneralSecurityException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new ConfigurationException("CRM_TLS_KEY_FILE must hold an unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
                    + " convert one with: openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
