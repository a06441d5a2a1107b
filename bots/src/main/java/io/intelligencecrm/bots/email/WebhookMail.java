package io.intelligencecrm.bots.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.error.CrmException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON a mail provider posts to {@code /api/inbound/email}: from, to, subject, text, html,
 * messageId, inReplyTo, references, authenticationResults, autoSubmitted. Address fields take
 * "Name &lt;a@b&gt;" or a bare address; to, references and authenticationResults take a string or an
 * array of strings.
 */
final class WebhookMail {
    private WebhookMail() {
    }

    static InboundEmail parse(JsonNode body) {
        if (body == null || !body.isObject()) throw CrmException.invalid("body", "must be a JSON object");
        InternetAddress from = address(text(body, "from"), "from");
        if (from == null) throw CrmException.invalid("from", "is required");
        List<String> to = new ArrayList<>();
        for (String recipient : list(body.path("to"))) {
            for (String one : recipient.split(",")) {
                InternetAddress address = address(one, "to");
                if (address != null) to.add(address.getAddress());
            }
        }
        if (to.isEmpty()) throw CrmException.invalid("to", "is required: the bot's address");
        String subject = text(body, "subject");
        String plain = text(body, "text");
        String messageId = MimeInbound.ids(text(body, "messageId")).stream().findFirst()
                .orElse(MimeInbound.syntheticId(from.getAddress(), subject, plain));
        return new InboundEmail(from.getAddress(), from.getPersonal(), to, subject, plain, text(body, "html"), messageId,
                MimeInbound.ids(text(body, "inReplyTo")).stream().findFirst().orElse(null),
                MimeInbound.ids(String.join(" ", list(body.path("references")))),
                list(body.path("authenticationResults")), body.path("autoSubmitted").asBoolean(false));
    }

    private static InternetAddress address(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return new InternetAddress(value.strip(), true);
        } catch (AddressException e) {
            throw CrmException.invalid(field, "must be an email address");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static List<String> list(JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value.isTextual()) values.add(value.asText());
        if (value.isArray()) value.forEach(item -> {
            if (item.isTextual()) values.add(item.asText());
        });
        return values;
    }
}
