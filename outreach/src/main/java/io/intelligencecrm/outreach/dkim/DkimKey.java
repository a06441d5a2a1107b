package io.intelligencecrm.outreach.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A tenant's DKIM signing key for one domain and selector: RSA 2048, made by the product. The public half
 * goes into DNS as a TXT record at {@link #dnsName()}; the private half is stored sealed.
 */
public record DkimKey(String domain, String selector, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "DkimKey[" + selector + "._domainkey." + domain + "]";
    }

    public String dnsName() {
        return dnsName(domain, selector);
    }

    public static String dnsName(String domain, String selector) {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record's text for a public key (RFC 6376 section 3.6.1). */
    public static String dnsRecord(String publicKeyBase64) {
        return "v=DKIM1; k=rsa; p=" + publicKeyBase64;
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA keys cannot be made on this JVM", e);
        }
    }

    /** The public key as DNS carries it: base64 of its SubjectPublicKeyInfo (DER). */
    public static String publicKeyBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String privateKeyBase64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored DKIM key cannot be read", e);
        }
    }
}
