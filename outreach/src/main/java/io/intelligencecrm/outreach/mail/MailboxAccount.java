package io.intelligencecrm.outreach.mail;

/** An IMAP mailbox the product reads (bounce reports, the email bot), its password opened. */
public record MailboxAccount(String host, int port, String security, String username, String password, String folder) {

    @Override
    public String toString() {
        return "MailboxAccount[" + host + ":" + port + ", " + security + ", user=" + username + ", " + folder + "]";
    }
}
