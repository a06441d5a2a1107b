package io.intelligencecrm.bots.email;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The words a person wrote in a mail, without the quoted history and signature every mail client
 * adds, so "approve" typed above a quote is just "approve" for the agent.
 */
final class EmailText {
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?i)^\\s*(on .{0,200}wrote:|-{2,} ?original message ?-{2,}|from: .+|_{10,})\\s*$");
    /** Elements that end a line of text, as a mail client would show them. */
    private static final Set<String> LINE_ENDS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol");
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

    /** jsoup parses the HTML and decodes every entity (named or numeric); lines end where blocks and breaks do. */
    private static String htmlToText(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) text.append(textNode.getWholeText());
                else if (node.nameIs("br")) text.append('\n');
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && LINE_ENDS.contains(element.normalName())) text.append('\n');
            }
        }, body);
        return text.toString();
    }
}
