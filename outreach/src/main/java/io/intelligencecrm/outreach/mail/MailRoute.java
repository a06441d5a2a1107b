package io.intelligencecrm.outreach.mail;

import jakarta.mail.Session;

/**
 * How one tenant's mail leaves right now: through which sender, from which address, under which cap.
 *
 * @param captured true when mail goes to the development capture instead of a server
 */
public record MailRoute(MailSender sender, Session session, String fromAddress, String fromName, int dailyCap,
                        boolean captured) {
}
