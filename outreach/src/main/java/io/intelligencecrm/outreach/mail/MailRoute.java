package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.outreach.dkim.DkimKey;
import jakarta.mail.Session;

/**
 * How one tenant's mail leaves right now: through which sender, from which address, under which cap.
 *
 * @param captured true when mail goes to the development capture instead of a server
 * @param dkim     the key mail is signed with; null when the tenant made none
 */
public record MailRoute(MailSender sender, Session session, String fromAddress, String fromName, int dailyCap,
                        boolean captured, DkimKey dkim) {
}
