package io.intelligencecrm.outreach.bounce;

/**
 * What a delivery status notification (RFC 3464) or complaint report (RFC 5965) says about one recipient.
 *
 * @param kind              hard (permanent failure, 5.x.x), soft (temporary or delayed), or complaint
 * @param originalMessageId the Message-ID of the mail it is about, when the report quotes its headers
 */
public record Bounce(String recipient, String kind, String status, String diagnostic, String originalMessageId) {

    public boolean suppresses() {
        return kind.equals("hard") || kind.equals("complaint");
    }
}
