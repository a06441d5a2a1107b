package io.intelligencecrm.knowledge.documents;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.parser.TextDocumentParser;
import io.intelligencecrm.core.error.CrmException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an uploaded file into citable sections: Markdown and HTML by their headings, PDF by page,
 * plain text as one section. Text goes through LangChain4j's TextDocumentParser; PDF pages are read
 * with Apache PDFBox directly because an answer should be able to say which page it used.
 */
public final class DocumentParser {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    public List<DocumentSection> parse(DocumentType type, byte[] bytes) {
        List<DocumentSection> sections = switch (type) {
            case MARKDOWN -> byHeadings(text(bytes));
            case TEXT -> List.of(new DocumentSection(null, text(bytes)));
            case HTML -> byHeadings(htmlAsMarkdown(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            case PDF -> pages(bytes);
        };
        List<DocumentSection> nonEmpty = sections.stream().filter(section -> !section.text().isBlank()).toList();
        if (nonEmpty.isEmpty()) throw CrmException.invalid("file", "the file contains no readable text");
        return nonEmpty;
    }

    private static String text(byte[] bytes) {
        Document document = new TextDocumentParser().parse(new ByteArrayInputStream(bytes));
        return document.text();
    }

    /** Sections keyed by the path of headings above them, so "Discounts" under "Pricing" reads "Pricing › Discounts". */
    static List<DocumentSection> byHeadings(String markdown) {
        List<DocumentSection> sections = new ArrayList<>();
        String[] path = new String[6];
        StringBuilder body = new StringBuilder();
        String label = null;
        boolean inFence = false;
        for (String line : markdown.split("\\R")) {
            if (line.strip().startsWith("```")) inFence = !inFence;
            Matcher heading = inFence ? null : HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                sections.add(new DocumentSection(label, body.toString().strip()));
                body.setLength(0);
                int level = heading.group(1).length();
                path[level - 1] = heading.group(2).strip();
                for (int i = level; i < path.length; i++) path[i] = null;
                label = String.join(" › ", java.util.Arrays.stream(path).filter(java.util.Objects::nonNull).toList());
                body.append(heading.group(2).strip()).append('\n');
            } else {
                body.append(line).append('\n');
            }
        }
        sections.add(new DocumentSection(label, body.toString().strip()));
        return sections;
    }

    /** Keeps headings as Markdown headings and blocks as lines; scripts and styles are dropped. */
    private static String htmlAsMarkdown(String html) {
        org.jsoup.nodes.Document document = Jsoup.parse(html);
        document.select("script, style, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element) {
                    if (element.tagName().matches("h[1-6]")) {
                        out.append("\n\n").append("#".repeat(element.tagName().charAt(1) - '0')).append(' ');
                    } else if (element.isBlock() || element.tagName().equals("br")) {
                        out.append('\n');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && (element.isBlock() || element.tagName().matches("h[1-6]"))) {
                    out.append('\n');
                }
            }
        });
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static List<DocumentSection> pages(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<DocumentSection> pages = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(new DocumentSection("page " + page, stripper.getText(pdf).strip()));
            }
            return pages;
        } catch (IOException e) {
            throw CrmException.invalid("file", "the PDF could not be read: " + e.getMessage());
        }
    }
}
