package io.intelligencecrm.tools.audience;

import java.util.List;

/**
 * Who one shared email to a group would reach: the recipients' rows (with their ids, for
 * proposeSendEmails) and, named rather than silently dropped, the matching contacts it cannot reach.
 *
 * @param matching      how many contacts the group holds in all, reachable or not
 * @param withoutEmail  contacts in the group with no email address
 * @param unsubscribed  contacts whose address is on the suppression list (unsubscribed, bounced, blocked)
 * @param notYours      contacts a rep may not email for: a colleague's, with none of the rep's deals
 * @param overCap       reachable contacts left out because one email proposal takes at most the cap
 */
public record EmailAudience(String title, List<String> columns, List<List<Object>> rows, long matching,
                            List<String> withoutEmail, List<String> unsubscribed, List<String> notYours, int overCap,
                            String note) {
    public EmailAudience {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        withoutEmail = List.copyOf(withoutEmail);
        unsubscribed = List.copyOf(unsubscribed);
        notYours = List.copyOf(notYours);
    }
}
