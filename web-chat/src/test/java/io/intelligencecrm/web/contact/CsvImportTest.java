package io.intelligencecrm.web.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest(own = true)
class CsvImportTest {
    /** A file as people really export them: BOM, quoted commas and quotes, a line break in a cell, blank lines. */
    /** A file as people really export them: BOM, quoted commas and quotes, a line break in a cell, blank lines. */
    private static final String MESSY = "\uFEFF"
            + "First Name,Last Name,E-mail,Company,Job Title,Seats,Is Partner,Region,Zip\r\n"
            + "Ada,Lovelace,ada@engines.example,\"Analytical Engines, Ltd\",Founder,12,yes,EMEA,01234\r\n"
            + "\r\n"
            + "\"Grace \"\"Amazing\"\"\",Hopper,grace@navy.example,US Navy,\"Rear Admiral,\nComputing\",7,no,AMER,20301\r\n"
            + "Alan,Turing,not-an-email,Bletchley,Cryptanalyst,3,no,EMEA,00000\r\n"
            + ",,,,,,,,\r\n"
            + "Ada,Again,ADA@engines.example,Analytical Engines,Founder,1,yes,EMEA,11111\r\n"
            + "Katherine,Johnson,katherine@nasa.example,NASA,Mathematician,many,no,AMER,23681\r\n"
            + "Too,Many,cells@x.example,X,Y,1,no,EMEA,1,extra\r\n";

    private static CrmApplication application;
    private static ApiClient manager;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        manager = DemoLogins.as(application, Role.MANAGER);
    }

    private static JsonNode importCsv(String csv, String query) {
        ApiClient.Response response = manager.postRaw("/api/contacts/import" + query, csv, "text/csv");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    @Test
    void a_dry_run_reports_what_would_happen_and_writes_nothing() {
        JsonNode report = importCsv("name,email,company\nDry Runner,dry.runner@example.org,Brand New Co\n"
                + "Bad Row,nope,\n", "?dryRun=true");
        assertTrue(report.get("dryRun").asBoolean());
        assertEquals(1, report.get("created").asInt(), report.toString());
        assertEquals(1, report.get("companiesCreated").asInt());
        assertEquals(3, report.at("/rejected/0/row").asInt());
        assertEquals(0, manager.get("/api/contacts?q=dry.runner").json().get("items").size());
        assertEquals(0, manager.get("/api/companies?q=brand%20new").json().get("items").size());
    }

    @Test
    void imports_a_messy_file_and_reports_each_rejected_row_with_its_number() {
        JsonNode report = importCsv(MESSY, "");
        assertEquals(3, report.get("created").asInt(), report.toString());
        JsonNode rejected = report.get("rejected");
        assertEquals(3, rejected.size(), rejected.toString());
        // Spreadsheet rows: the blank line is row 3 and Grace's two-line cell is one row (4).
        assertEquals(5, rejected.get(0).get("row").asInt());
        assertTrue(rejected.get(0).get("reason").asText().contains("email"));
        assertEquals(7, rejected.get(1).get("row").asInt());
        assertEquals("same email as row 2", rejected.get(1).get("reason").asText());
        assertEquals(9, rejected.get(2).get("row").asInt());
        assertTrue(rejected.get(2).get("reason").asText().contains("cells"));

        assertEquals("text", report.at("/attributeTypes/seats").asText(), "one non-number ('many') makes it text");
        assertEquals("boolean", report.at("/attributeTypes/is_partner").asText());
        assertEquals("text", report.at("/attributeTypes/zip").asText(), "leading zeros keep zip codes text");
        assertEquals("companyName", report.at("/mapping/Company").asText());

        JsonNode grace = manager.get("/api/contacts?q=hopper").json().get("items").get(0);
        assertEquals("Grace \"Amazing\"", grace.get("firstName").asText());
        assertEquals("Rear Admiral,\nComputing", grace.get("title").asText());
        JsonNode ada = manager.get("/api/contacts?q=lovelace").json().get("items").get(0);
        assertEquals("Analytical Engines, Ltd", ada.get("companyName").asText());
        assertEquals(true, ada.at("/custom/is_partner").asBoolean());
        assertEquals("01234", ada.at("/custom/zip").asText());
    }

    @Test
    void existing_emails_are_skipped_or_updated_as_asked() {
        importCsv("email,first name,title\nrepeat@example.org,Rita,Buyer\n", "");
        JsonNode skipped = importCsv("email,first name,title\nrepeat@example.org,Rita,CFO\n", "");
        assertEquals(1, skipped.get("skipped").asInt());
        JsonNode updated = importCsv("email,first name,title\nrepeat@example.org,Rita,CFO\n", "?onDuplicate=update");
        assertEquals(1, updated.get("updated").asInt());
        assertEquals("CFO", manager.get("/api/contacts?q=repeat@example.org").json().at("/items/0/title").asText());
    }

    @Test
    void an_explicit_mapping_names_fields_and_attributes_and_bad_targets_are_refused() {
        String mapping = URLEncoder.encode("{\"Mail\": \"email\", \"Who\": \"fullName\", \"Tier\": \"custom.tier\","
                + " \"Junk\": \"ignore\"}", StandardCharsets.UTF_8);
        JsonNode report = importCsv("Who;Mail;Tier;Junk\nMary Jackson;mary@nasa.example;gold;zzz\n", "?mapping=" + mapping);
        assertEquals(1, report.get("created").asInt(), report.toString());
        JsonNode mary = manager.get("/api/contacts?q=jackson").json().at("/items/0");
        assertEquals("Mary", mary.get("firstName").asText());
        assertEquals("gold", mary.at("/custom/tier").asText());
        String bad = URLEncoder.encode("{\"Mail\": \"shoeSize\"}", StandardCharsets.UTF_8);
        ApiClient.Response refused = manager.postRaw("/api/contacts/import?mapping=" + bad, "Mail\nx@y.example\n", "text/csv");
        assertEquals(400, refused.status());
        assertTrue(refused.json().at("/errors/mapping.Mail").asText().contains("unknown target"));
    }

    @Test
    void a_rep_imports_contacts_they_own_only() {
        ApiClient rep = DemoLogins.as(application, Role.REP);
        String repId = rep.get("/api/auth/me").json().get("id").asText();
        ApiClient.Response response = rep.postRaw("/api/contacts/import",
                "email,name,owner\nimported-mine@rep.example,Mine Rep,\n"
                        + "imported-his@rep.example,His Rep,sam@demo.example\n", "text/csv");
        assertEquals(200, response.status(), response.body());
        assertEquals(1, response.json().get("created").asInt());
        assertTrue(response.json().at("/rejected/0/reason").asText().contains("reps can only import contacts they own"));
        assertEquals(repId, rep.get("/api/contacts?q=imported-mine@rep.example").json().at("/items/0/ownerId").asText());
    }

    @Test
    void ten_thousand_rows_import_in_one_request() {
        StringBuilder csv = new StringBuilder("first name,last name,email,company,score_hint\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Bulk").append(i).append(",Person,bulk").append(i).append("@bulk.example,Bulk Co ")
                    .append(i % 50).append(',').append(i % 100).append('\n');
        }
        JsonNode report = importCsv(csv.toString(), "");
        assertEquals(10_000, report.get("created").asInt());
        assertEquals(50, report.get("companiesCreated").asInt());
        assertEquals("number", report.at("/attributeTypes/score_hint").asText());
    }

    @Test
    void export_writes_the_filtered_list_as_csv_with_attribute_columns() {
        importCsv("email,first name,plan\nexport.me@example.org,Exporter,\"=HYPERLINK(\"\"http://evil\"\")\"\n", "");
        ApiClient.Response csv = manager.get("/api/contacts/export.csv?q=export.me");
        assertEquals(200, csv.status());
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].contains("firstName") && lines[0].contains("custom.plan"));
        assertEquals(2, lines.length);
        assertTrue(lines[1].contains("'=HYPERLINK"), "formulas are neutralised: " + lines[1]);
    }
}
