package io.intelligencecrm.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.knowledge.documents.KnowledgeDocument;
import io.intelligencecrm.knowledge.search.DocumentAnswer;
import io.intelligencecrm.knowledge.search.SearchHit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnowledgeDocumentsTest {
    private static final String PRICING = """
            # Pricing

            Our plans are billed per seat and per month.

            ## Discounts

            Registered nonprofit organisations receive a 40% discount on every plan. Annual prepayment
            saves a further 15%.

            ## Refunds

            Unused months are refunded within 30 days of cancellation.
            """;
    private static KnowledgeFixture fixture;
    private static Actor actor;

    @BeforeAll
    static void start() throws IOException {
        fixture = new KnowledgeFixture();
        actor = fixture.newTenantAdmin("docs");
        fixture.knowledge.documents().upload(actor, "pricing.md", "", PRICING.getBytes(StandardCharsets.UTF_8));
        fixture.knowledge.documents().upload(actor, "security-whitepaper.pdf", "Security whitepaper", pdf(List.of(
                "Security overview. We take protecting customer information seriously.",
                "Data residency. All customer data is stored in data centres in Frankfurt, Germany, encrypted with AES-256.")));
        fixture.dispatcher.drain();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void answers_from_a_markdown_document_with_its_section() {
        DocumentAnswer answer = fixture.knowledge.search().answerFromDocuments(actor, "What discount do nonprofits get?", 3);
        assertTrue(answer.found(), answer.toString());
        SearchHit best = answer.passages().getFirst();
        assertEquals("pricing", best.title());
        assertEquals("Pricing › Discounts", best.section());
        assertTrue(best.snippet().contains("40%"), best.snippet());
    }

    @Test
    void answers_from_a_pdf_with_the_page() {
        DocumentAnswer answer = fixture.knowledge.search().answerFromDocuments(actor, "Where is customer data stored?", 3);
        assertTrue(answer.found(), answer.toString());
        SearchHit best = answer.passages().getFirst();
        assertEquals("Security whitepaper", best.title());
        assertEquals("page 2", best.section());
        assertTrue(best.snippet().contains("Frankfurt"), best.snippet());
    }

    @Test
    void says_so_when_the_documents_do_not_cover_the_question() {
        DocumentAnswer answer = fixture.knowledge.search().answerFromDocuments(actor, "Who won the football world cup in 1998?", 3);
        assertFalse(answer.found(), answer.toString());
        assertTrue(answer.passages().isEmpty());
    }

    @Test
    void lists_indexed_documents_and_refuses_duplicates_and_wrong_types() {
        List<KnowledgeDocument> documents = fixture.knowledge.documents().list(actor);
        assertEquals(2, documents.size());
        assertTrue(documents.stream().allMatch(document -> document.status().equals("indexed") && document.chunkCount() > 0),
                documents.toString());

        CrmException duplicate = assertThrows(CrmException.class, () -> fixture.knowledge.documents()
                .upload(actor, "copy.md", "", PRICING.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.CONFLICT, duplicate.code());
        CrmException exe = assertThrows(CrmException.class, () -> fixture.knowledge.documents()
                .upload(actor, "setup.exe", "", new byte[] {'M', 'Z', 0, 1}));
        assertTrue(exe.fieldErrors().containsKey("file"));
        CrmException fakePdf = assertThrows(CrmException.class, () -> fixture.knowledge.documents()
                .upload(actor, "fake.pdf", "", "just text".getBytes(StandardCharsets.UTF_8)));
        assertEquals("fake.pdf is not a PDF file", fakePdf.fieldErrors().get("file"));
    }

    @Test
    void deleting_a_document_removes_its_passages() throws IOException {
        KnowledgeDocument memo = fixture.knowledge.documents().upload(actor, "memo.txt", "Office memo",
                "The office coffee machine is descaled every Thursday.".getBytes(StandardCharsets.UTF_8));
        fixture.dispatcher.drain();
        assertTrue(fixture.knowledge.search().answerFromDocuments(actor, "When is the coffee machine descaled?", 3).found());
        fixture.knowledge.documents().delete(actor, memo.id());
        long left = fixture.database.tenants().inTenant(actor.tenant(), handle -> handle
                .createQuery("select count(*) from embeddings where source_id = :id").bind("id", memo.id())
                .mapTo(Long.class).one());
        assertEquals(0, left);
    }

    private static byte[] pdf(List<String> pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.newLineAtOffset(50, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
