package io.intelligencecrm.web.bench;

import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ./crm bench pages — server-side rendering of the browser pages on the demo tenant: the contacts
 * list with 50 rows (target p50 under 20 ms), and for comparison a contact's page, the pipeline
 * board and the dashboard. One signed-in browser session (cookie), one kept-alive loopback
 * connection, requests one after another so the numbers are latency, after a JIT warm-up.
 */
public final class PagesBenchmark {
    private static final int WARM_UP = 4_000;
    private static final int OPERATIONS = 2_000;
    private static final double TARGET_P50_MILLIS = 20;

    private PagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CrmApplication application = TestServer.start(Map.of("CRM_DATABASE_POOL_SIZE", "8"));
        try {
            String cookie = signIn(application);
            try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", application.port(), null, cookie)) {
                String contactPage = firstContactLink(http.get("/contacts").text());
                ConcurrentRun.measure("warm-up", 1, WARM_UP, i -> {
                    expect(http.get("/contacts"), 50);
                    if (i % 8 == 0) expect(http.get(contactPage), 0);
                    if (i % 16 == 0) expect(http.get("/deals"), 0);
                    if (i % 32 == 0) expect(http.get("/dashboard"), 0);
                });
                List<LatencyStats> results = new ArrayList<>();
                LatencyStats contacts = ConcurrentRun.measure("contacts list (50 rows)", 1, OPERATIONS,
                        i -> expect(http.get("/contacts"), 50));
                results.add(contacts);
                results.add(ConcurrentRun.measure("contacts search q=ali", 1, OPERATIONS,
                        i -> expect(http.get("/contacts?q=ali"), 0)));
                results.add(ConcurrentRun.measure("contact page", 1, OPERATIONS / 2, i -> expect(http.get(contactPage), 0)));
                results.add(ConcurrentRun.measure("pipeline board", 1, OPERATIONS / 4, i -> expect(http.get("/deals"), 0)));
                results.add(ConcurrentRun.measure("dashboard", 1, OPERATIONS / 8, i -> expect(http.get("/dashboard"), 0)));
                System.out.println();
                System.out.println("Pages on the demo tenant, one session, loopback HTTP, sequential:");
                results.forEach(result -> System.out.println(result.line()));
                double p50 = contacts.percentileMillis(50);
                System.out.printf("%nContacts list with 50 rows: p50 %.2f ms (target < %.0f ms): %s%n", p50, TARGET_P50_MILLIS,
                        p50 < TARGET_P50_MILLIS ? "met" : "NOT met");
            }
        } finally {
            application.stop();
        }
    }

    private static String signIn(CrmApplication application) throws IOException, InterruptedException {
        DemoData.DemoLogin login = DemoData.LOGINS.stream().filter(l -> l.role() == Role.MANAGER).findFirst().orElseThrow();
        String form = "tenant=" + DemoData.SLUG + "&email=" + URLEncoder.encode(login.email(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(login.password(), StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(application.url() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("crm_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("login failed: " + response.statusCode()));
    }

    private static String firstContactLink(String html) {
        int start = html.indexOf("href=\"/contacts/");
        return html.substring(start + 6, html.indexOf('"', start + 6));
    }

    /** A 200 page; for the list, exactly that many rows. */
    private static void expect(KeepAliveHttp.Response response, int rows) {
        if (response.status() != 200) throw new IllegalStateException("HTTP " + response.status());
        if (rows > 0) {
            String html = response.text();
            int count = 0;
            String row = "<td><a href=\"/contacts/";
            for (int at = html.indexOf(row); at >= 0; at = html.indexOf(row, at + row.length())) count++;
            if (count != rows) throw new IllegalStateException("expected " + rows + " rows, got " + count);
        }
    }
}
