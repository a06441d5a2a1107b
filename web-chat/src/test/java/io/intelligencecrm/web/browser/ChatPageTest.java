package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
        assertThat(card.locator(".status")).containsText("Status: ");
        assertThat(card).not().hasAttribute("data-status", "pending");

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
