package io.intelligencecrm.knowledge.documents;

import io.intelligencecrm.core.error.CrmException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The kinds of file the knowledge base accepts, decided by the file's name and checked against its
 * bytes: a ".pdf" must start like a PDF, and text formats must be valid UTF-8 without NUL bytes.
 */
public enum DocumentType {
    MARKDOWN("text/markdown"), TEXT("text/plain"), HTML("text/html"), PDF("application/pdf");

    private final String contentType;

    DocumentType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static DocumentType ofStored(String contentType) {
        for (DocumentType type : values()) if (type.contentType.equals(contentType)) return type;
        throw new IllegalArgumentException("unknown document type " + contentType);
    }

    /** @throws CrmException on field {@code file} when the type is not accepted or the bytes disagree */
    public static DocumentType detect(String filename, byte[] bytes) {
        String name = filename.toLowerCase(Locale.ROOT);
        DocumentType type;
        if (name.endsWith(".md") || name.endsWith(".markdown")) type = MARKDOWN;
        else if (name.endsWith(".txt") || name.endsWith(".text")) type = TEXT;
        else if (name.endsWith(".html") || name.endsWith(".htm")) type = HTML;
        else if (name.endsWith(".pdf")) type = PDF;
        else throw CrmException.invalid("file", "accepted types are Markdown (.md), plain text (.txt), HTML (.html) and PDF (.pdf)");
        if (type == PDF) {
            if (!startsWith(bytes, "%PDF-")) throw CrmException.invalid("file", filename + " is not a PDF file");
        } else if (!isUtf8Text(bytes)) {
            throw CrmException.invalid("file", filename + " is not UTF-8 text");
        }
        return type;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < expected.length) return false;
        for (int i = 0; i < expected.length; i++) if (bytes[i] != expected[i]) return false;
        return true;
    }

    private static boolean isUtf8Text(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return false;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
