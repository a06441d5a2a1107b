package io.intelligencecrm.knowledge.documents;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import io.intelligencecrm.knowledge.store.VectorChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Splits each section into overlapping chunks that carry the document title and section for context. */
final class DocumentChunks {
    private static final DocumentSplitter SPLITTER = DocumentSplitters.recursive(900, 150);

    private DocumentChunks() {
    }

    static List<VectorChunk> of(UUID documentId, String title, List<DocumentSection> sections) {
        List<VectorChunk> chunks = new ArrayList<>();
        for (DocumentSection section : sections) {
            String context = section.label() == null ? title : title + " › " + section.label();
            for (TextSegment part : SPLITTER.split(Document.from(section.text()))) {
                chunks.add(new VectorChunk("document", documentId, null, chunks.size(), section.label(),
                        context + "\n" + part.text()));
            }
        }
        return chunks;
    }
}
