package io.intelligencecrm.bots.email;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words a person wrote in a mail, without the quoted history and signature every mail client
 * adds, so "approve" typed above a quote is just "approve" for the agent.
 */
final class EmailText {
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?i)^\\s*(on .{0,200}wrote:|-{2,} ?original message ?-{2,}|from: .+|_{10,})\\s*$");
    private static final Pattern TAG = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>|<[^>]+>");
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^\\s*((re|aw|sv|fwd?)\\s*:\\s*)+");

    private EmailText() {
    }

    /** What this mail adds to the thread: the plain text (or the HTML's text) above the quote. */
    static String newPart(String text, String html) {
        String body = text != null && !text.isBlank() ? text : html == null ? "" : htmlToText(html);
        StringBuilder out = new StringBuilder();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            if (QUOTE_HEADER.matcher(line).matches() || line.equals("-- ")) break;
            if (line.startsWith(">")) continue;
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }

    /** The message for the agent: the new text, or the subject when the body is empty. */
    static String command(InboundEmail email) {
        String body = newPart(email.text(), email.html());
        return body.isBlank() ? REPLY_PREFIX.matcher(email.subject() == null ? "" : email.subject()).replaceFirst("")
                .strip() : body;
    }

    static String replySubject(String subject) {
        if (subject == null || subject.isBlank()) return "Re: your message";
        return subject.strip().toLowerCase(Locale.ROOT).startsWith("re:") ? subject.strip() : "Re: " + subject.strip();
    }

    /** Quotes the mail answered, as mail clients do, below the answer. */
    static String quoted(InboundEmail email, List<String> answerParts) {
        StringBuilder out = new StringBuilder(String.join("\n\n", answerParts)).append("\n\n");
        out.append(email.fromName() == null ? email.from() : email.fromName() + " <" + email.from() + ">")
                .append(" wrote:\n");
        newPart(email.text(), email.html()).lines().forEach(line -> out.append("> ").append(line).append('\n'));
        return out.toString();
    }

    private static String htmlToText(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>", "\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
