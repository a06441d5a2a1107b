package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.intelligencecrm.core.user.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class ChatPageTest {

    @Test
    void a_rep_adds_a_contact_by_chat_and_watches_the_answer_stream_in() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        assertThat(page.locator(".badge.offline")).isVisible();
        Axe.check(page);
        Screenshots.take(page, "chat-empty");

        page.getByLabel("Message to the agent").fill("add Nora Quinn from Vertex Labs, nora.quinn@vertex.example, she asked for pricing");
        page.keyboard().press("Enter");

        Locator answer = page.locator(".msg.ai:not(.streaming)").last();
        assertThat(answer).containsText("Nora Quinn");
        assertTrue(Integer.parseInt(answer.getAttribute("data-tokens")) > 0, "the answer arrived as streamed tokens");
        assertThat(page.locator(".tool").first()).isVisible();
        assertThat(page.getByLabel("Message to the agent")).hasValue("");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*\\?c=.*"));
        Axe.check(page);
        Screenshots.take(page, "chat");
    }

    @Test
    void a_proposed_email_is_sent_only_after_approve() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        send(page, "add Omar Reyes from Globex, omar.reyes@globex.example");
        send(page, "email Omar Reyes about the demo next week");

        Locator card = page.locator(".proposal").last();
        assertThat(card).containsText("omar.reyes@globex.example");
        assertThat(card.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Approve"))).isVisible();
        Axe.check(page);
        Screenshots.take(page, "chat-proposal");
        card.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(card).not().hasAttribute("data-status", "pending");
        assertThat(card.locator(".status")).not().containsText("Waiting");
        assertThat(card.locator(".decision")).hasCount(0);

        page.reload();
        assertThat(page.locator(".proposal").last().locator(".status")).not().containsText("Waiting");
    }

    @Test
    void shift_enter_adds_a_line_and_a_refused_message_stays_in_the_box() {
        Page page = BrowserApp.signedIn(Role.REP);
        Locator input = page.getByLabel("Message to the agent");
        input.click();
        page.keyboard().type("first line");
        page.keyboard().press("Shift+Enter");
        page.keyboard().type("second line");
        assertThat(input).hasValue("first line\nsecond line");

        String tooLong = "x".repeat(8001);
        page.evaluate("text => { const box = document.getElementById('message'); box.removeAttribute('maxlength'); box.value = text; }", tooLong);
        input.press("Enter");
        assertThat(page.locator(".msg.error")).isVisible();
        assertThat(input).hasValue(tooLong);
    }

    @Test
    void analytics_answers_show_an_inline_table_and_chart_also_after_a_reload() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        send(page, "show me the pipeline");
        Locator figure = page.locator("figure.chat-table").last();
        assertThat(figure.locator("svg.chart rect").first()).isVisible();
        assertThat(figure.locator("tbody tr").first()).containsText("prospecting");
        Axe.check(page);
        Screenshots.take(page, "chat-chart");
        Screenshots.dark(page, "chat-chart");
        page.reload();
        assertThat(page.locator("figure.chat-table svg.chart rect").first()).isVisible();
    }

    @Test
    void the_chat_reads_in_words_with_previews_and_fits_a_phone() {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.setViewportSize(Chromium.PHONE_WIDTH, 844);
        send(page, "add Ines Moreau from Umbrella, ines.moreau@umbrella.example");
        send(page, "find Ines Moreau");
        send(page, "email Ines Moreau about the renewal call");

        String steps = String.join("\n", page.locator(".tool .text").allTextContents());
        assertFalse(steps.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-.*"), "no ids in the steps: " + steps);
        assertFalse(steps.matches("(?s).*\\b[a-z]+[A-Z][a-zA-Z]*\\b.*"), "no tool names in the steps: " + steps);
        Locator table = page.locator("figure.chat-table").last();
        assertThat(table.locator("th")).not().containsText(new String[] {"id"});
        assertThat(table.locator("tbody a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^/contacts/[0-9a-f-]{36}$"));
        assertThat(page.locator("#conversation-list a[aria-current=page]")).hasText("add Ines Moreau from Umbrella, ines.moreau@umbrella.example");

        Locator card = page.locator(".proposal").last();
        assertThat(card.locator("dt")).containsText(new String[] {"To", "Subject", "Body"});
        assertThat(card).containsText("ines.moreau@umbrella.example");
        assertFalse(card.innerText().contains("sendId") || card.innerText().contains("email.send"), card.innerText());
        String before = card.getAttribute("data-proposal");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).click();
        card.getByLabel("Subject").fill("Renewal call next Tuesday");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        assertThat(card.locator(".status")).hasText("Edited: waiting for your decision");
        assertThat(card).not().hasAttribute("data-proposal", before);
        assertThat(card.locator(".preview-row[data-name=subject] dd")).hasText("Renewal call next Tuesday");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject")).click();
        assertThat(card).hasAttribute("data-status", "rejected");
        assertEquals(0, ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue(),
                "a real conversation fits a phone");
        Axe.check(page);
        Screenshots.shot(page, "chat-conversation", true);

        page.reload();
        assertThat(page.locator(".proposal").last().locator(".preview-row[data-name=subject] dd")).hasText("Renewal call next Tuesday");
        assertThat(page.locator(".proposal").last()).hasAttribute("data-status", "rejected");
    }

    static void send(Page page, String text) {
        // Tells a socket that never connected apart from a turn that never answered.
        assertThat(page.locator("#composer[data-connected=true]")).hasCount(1,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
        int answers = page.locator(".msg.ai:not(.streaming), .msg.error").count();
        page.getByLabel("Message to the agent").fill(text);
        page.keyboard().press("Enter");
        // A freshly started app's first turn also warms up the model and the memory search.
        assertThat(page.locator(".msg.ai:not(.streaming), .msg.error")).hasCount(answers + 1,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
    }
}
