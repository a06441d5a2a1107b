package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.user.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class AccountPagesTest {

    @Test
    void a_wrong_password_is_explained_and_a_deep_link_survives_the_login() {
        Page page = Chromium.desktop(BrowserApp.get().url());
        page.navigate("/contacts?stage=customer");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=.*"));
        Axe.check(page);
        Screenshots.take(page, "login");
        page.getByLabel("Email").fill("sam@demo.example");
        page.getByLabel("Password").fill("wrong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
        page.getByLabel("Password").fill(DemoData.LOGINS.stream().filter(l -> l.role() == Role.MANAGER).findFirst().orElseThrow().password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/contacts\\?stage=customer"));

        page.locator(".user-menu summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login"));
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    }

    @Test
    void a_csv_import_is_previewed_then_imported_with_a_report_of_rejected_rows() throws Exception {
        Path csv = Files.createTempFile("contacts", ".csv");
        Files.writeString(csv, """
                Email,First name,Last name,Company,Seats
                ana.lima@import.example,Ana,Lima,Importex,40
                not-an-email,Bad,Row,Importex,3
                ben.ode@import.example,Ben,Ode,Importex,12
                """);
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/import");
        Axe.check(page);
        page.getByLabel("CSV file").setInputFiles(csv);
        page.getByLabel("Seats").selectOption("custom.Seats");
        page.getByText("Preview (dry run)").click();
        assertThat(page.locator("#created")).hasText("2");
        assertThat(page.locator("#rejected tr")).hasCount(1);
        assertThat(page.locator("#rejected")).containsText("3");
        Axe.check(page);
        Screenshots.take(page, "import");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page.locator("#report-title")).hasText("Imported");
        page.navigate("/contacts?q=import.example");
        assertThat(page.locator("#contacts tbody tr")).hasCount(2);
    }

    @Test
    void admins_manage_users_and_api_keys_and_others_are_turned_away() {
        Page admin = BrowserApp.signedIn(Role.ADMIN);
        admin.navigate("/settings");
        assertThat(admin.locator("#users table")).containsText("alex@demo.example");
        admin.getByLabel("Key name").fill("Nightly export");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        assertThat(admin.locator("#key-secret")).containsText("crm_");
        assertThat(admin.locator("#keys")).containsText("Nightly export");
        Axe.check(admin);
        Screenshots.take(admin, "settings");

        admin.getByLabel("Full name").fill("Casey Newhire");
        admin.getByLabel("Email").fill("casey@demo.example");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        assertThat(admin.locator("#invite-link")).containsText("/invite/");
        String text = admin.locator("#invite-link").textContent();
        String link = text.substring(text.indexOf("/invite/"));

        Page invited = Chromium.desktop(BrowserApp.get().url());
        invited.navigate(link);
        Axe.check(invited);
        invited.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("casey-new-password-1");
        invited.getByLabel("The same password again").fill("casey-new-password-1");
        invited.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(invited.getByLabel("Email")).hasValue("casey@demo.example");
        invited.getByLabel("Password").fill("casey-new-password-1");
        invited.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(invited.locator(".user-name")).containsText("Casey Newhire");

        Page rep = BrowserApp.signedIn(Role.REP);
        var response = rep.navigate("/settings");
        assertThat(rep.locator("h1")).hasText("Only admins can open this page");
        org.junit.jupiter.api.Assertions.assertEquals(403, response.status());
        assertThat(rep.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings"))).hasCount(0);
    }

    @Test
    void a_knowledge_document_is_uploaded_listed_reindexed_and_deleted() throws Exception {
        Path document = Files.createTempFile("price-list", ".md");
        Files.writeString(document, "# Price list\n\nThe Growth plan costs 49 USD per seat and month.\n");
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/knowledge");
        assertThat(page.locator("#documents")).not().containsText("Loading");
        page.getByLabel("File to add").setInputFiles(document);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator("#knowledge-status")).containsText("Uploaded");
        Locator row = page.locator("#documents tr", new Page.LocatorOptions().setHasText(document.getFileName().toString()));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Ready", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                .setTimeout(15_000));
        Axe.check(page);
        Screenshots.take(page, "knowledge");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Reindex"))).click();
        assertThat(page.locator("#knowledge-status")).containsText("Reindexing");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Delete"))).click();
        assertThat(page.locator("#documents tr", new Page.LocatorOptions().setHasText(document.getFileName().toString()))).hasCount(0);
    }

    @Test
    void unknown_pages_and_records_answer_with_a_friendly_page() {
        Page page = BrowserApp.signedIn(Role.REP);
        var response = page.navigate("/contacts/00000000-0000-0000-0000-000000000000");
        org.junit.jupiter.api.Assertions.assertEquals(404, response.status());
        assertThat(page.locator("h1")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the chat"))).isVisible();
        page.navigate("/no-such-page");
        assertThat(page.locator("h1")).hasText("This page does not exist");
    }
}
