package io.intelligencecrm.outreach.mail;

/**
 * Where and how to hand mail over.
 *
 * @param security none, starttls (upgrade on the submission port) or tls (implicit TLS, e.g. port 465)
 */
public record SmtpServer(String host, int port, String security, String username, String password) {

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", " + security + ", user=" + username + "]";
    }
}
