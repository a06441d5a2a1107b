package io.intelligencecrm.web.markdown;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Model output as safe HTML: markdown rendered by commonmark (raw HTML in the text escaped, not
 * passed through), then sanitized by an allow-list. No images at all (a markdown image pointing at
 * an attacker's server would leak data in its URL), links only to http(s) and mailto, opened with
 * rel="noopener noreferrer nofollow". Parsers and policy are immutable and thread-safe.
 */
public final class ChatMarkdown {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2",
                    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "del", "a")
            .allowAttributes("href").onElements("a")
            .allowAttributes("align").onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");

    private ChatMarkdown() {
    }

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isEmpty()) return "";
        // An image becomes its alt text before parsing, so not even a link to the remote URL is left.
        String withoutImages = IMAGE.matcher(markdown).replaceAll("$1");
        return POLICY.sanitize(RENDERER.render(PARSER.parse(withoutImages)));
    }
}
