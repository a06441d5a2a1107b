package io.intelligencecrm.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.webhooks.delivery.WebhookSender;
import io.intelligencecrm.webhooks.network.AddressPolicy;
import io.intelligencecrm.webhooks.network.ReceiverUrl;
import io.intelligencecrm.webhooks.testing.Receiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SSRF: internal addresses are refused when a URL is saved, and again when the connection is made. */
class ReceiverUrlTest {
    private static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false);

    @Test
    void internal_addresses_are_refused_unless_the_operator_allows_them() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://172.20.0.5/hook", "http://192.168.1.10/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[fd00::1]/hook", "http://100.64.0.1/",
                "http://0.0.0.0/", "http://224.0.0.1/", "http://[fe80::1]/")) {
            CrmException refused = assertThrows(CrmException.class, () -> ReceiverUrl.checked(url, PUBLIC_ONLY), url);
            assertTrue(refused.fieldErrors().get("url").contains("internal address"), url + ": " + refused.fieldErrors());
        }
        assertEquals("http://127.0.0.1:8080/hook", ReceiverUrl.checked("http://127.0.0.1:8080/hook", new AddressPolicy(true)));
        assertEquals("https://203.0.113.7/hook", ReceiverUrl.checked("https://203.0.113.7/hook", PUBLIC_ONLY));
    }

    @Test
    void only_absolute_http_urls_without_credentials_are_accepted() {
        for (String url : List.of("ftp://203.0.113.7/x", "/relative", "https://user:pass@203.0.113.7/x", "", "not a url",
                "https://203.0.113.7/x#frag")) {
            assertThrows(CrmException.class, () -> ReceiverUrl.checked(url, PUBLIC_ONLY), url);
        }
    }

    @Test
    void the_connection_itself_refuses_an_internal_address_a_name_resolves_to() {
        try (Receiver receiver = new Receiver(); WebhookSender sender = new WebhookSender(PUBLIC_ONLY, Duration.ofSeconds(2))) {
            WebhookSender.Outcome outcome = sender.post(URI.create(receiver.url("/hooks").replace("127.0.0.1", "localhost")),
                    Map.of(), "{}".getBytes());
            assertEquals(null, outcome.status());
            assertTrue(outcome.error().contains("internal address"), outcome.error());
            assertTrue(receiver.received().isEmpty(), "no connection was made");
        }
    }
}
