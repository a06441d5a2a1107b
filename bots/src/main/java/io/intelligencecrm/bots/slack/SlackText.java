package io.intelligencecrm.bots.slack;

import io.intelligencecrm.bots.TextTables;
import io.intelligencecrm.tools.TableResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the agent's Markdown into Slack mrkdwn. Everything is escaped first ({@code & < >}), so model
 * output can never carry raw HTML, a {@code <!channel>} / {@code <!here>} broadcast or a {@code <@U…>}
 * ping into the workspace; only then are bold, headings, bullets and http(s) links rewritten, outside
 * code blocks. Markdown tables become aligned code blocks, since Slack has no table markup.
 */
public final class SlackText {
    /** Slack accepts up to 40,000 characters in a message's text; a chat answer should never get close. */
    static final int MAX_MESSAGE_CHARS = 12_000;
    private static final int MAX_TABLE_ROWS = 20;
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)[-*+]\\s+");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^\\s)|]+)\\)");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?$");

    private static final Pattern SLACK_LINK = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private SlackText() {
    }

    /**
     * What a person typed, from Slack's encoding: links and auto-linked addresses
     * ({@code <mailto:jo@acme.com|jo@acme.com>}) become their text, and the escapes are undone.
     */
    public static String plain(String slackText) {
        if (slackText == null) return "";
        String text = SLACK_LINK.matcher(slackText).replaceAll(match -> {
            String label = match.group(2);
            String target = match.group(1);
            String shown = label != null && !label.isBlank() ? label
                    : target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
            return Matcher.quoteReplacement(shown);
        });
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    /** Escapes Slack's three control characters; the result is shown literally. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String mrkdwn(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        String escaped = escape(tablesAsCode(markdown.strip()));
        String[] parts = escaped.split("```", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) out.append("```");
            out.append(i % 2 == 0 ? inline(parts[i]) : parts[i]);
        }
        return truncate(out.toString());
    }

    /** A tool's table as a code block, id columns left out (people read names, not UUIDs). */
    public static String table(TableResult table) {
        StringBuilder out = new StringBuilder("*").append(escape(table.title())).append("*\n```\n")
                .append(escape(TextTables.aligned(TextTables.rows(table, MAX_TABLE_ROWS)))).append("```");
        long more = TextTables.notShown(table, MAX_TABLE_ROWS);
        if (more > 0) out.append("\n_").append(more).append(" more not shown_");
        return out.toString();
    }

    private static String inline(String text) {
        String result = HEADING.matcher(text).replaceAll(match -> Matcher.quoteReplacement("*" + match.group(1) + "*"));
        result = BOLD.matcher(result).replaceAll(match -> Matcher.quoteReplacement(
                "*" + (match.group(1) != null ? match.group(1) : match.group(2)) + "*"));
        result = BULLET.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "• "));
        return LINK.matcher(result).replaceAll(match -> Matcher.quoteReplacement(
                "<" + match.group(2) + "|" + match.group(1).replace("|", "/") + ">"));
    }

    /** Consecutive lines that look like a Markdown table become one fenced block. */
    private static String tablesAsCode(String markdown) {
        List<String> lines = markdown.lines().toList();
        StringBuilder out = new StringBuilder();
        List<List<String>> table = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) inCode = !inCode;
            String stripped = line.strip();
            if (!inCode && stripped.startsWith("|") && stripped.length() > 1) {
                if (!TABLE_RULE.matcher(stripped).matches()) table.add(cells(stripped));
                continue;
            }
            flush(table, out);
            out.append(line).append('\n');
        }
        flush(table, out);
        return out.toString().stripTrailing();
    }

    private static void flush(List<List<String>> table, StringBuilder out) {
        if (table.isEmpty()) return;
        out.append("```\n").append(TextTables.aligned(table)).append("```\n");
        table.clear();
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_MESSAGE_CHARS) return text;
        String cut = text.substring(0, MAX_MESSAGE_CHARS);
        // An odd number of fences would leave the rest of the message as code.
        if ((cut.split("```", -1).length - 1) % 2 == 1) cut += "\n```";
        return cut + "\n_(answer shortened for Slack)_";
    }
}
