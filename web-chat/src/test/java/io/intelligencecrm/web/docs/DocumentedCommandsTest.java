package io.intelligencecrm.web.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the docs tell people to call exists on the real server, and the REST page's commands run. */
@CrmApplicationTest
class DocumentedCommandsTest {
    private static final String VERBS = "GET|POST|PUT|PATCH|DELETE";
    /** "GET /api/x", "GET|POST /api/x", "GET/PATCH/DELETE /api/x/{id}", "POST /api/x/{id}/pause|resume". */
    private static final Pattern ROUTE = Pattern.compile(
            "\\b((?:" + VERBS + ")(?:[|/](?:" + VERBS + "))*)\\s+(/(?:api|health|slack|unsubscribe)/[^\\s`\"'),;]*)");
    private static final Pattern SHELL_BLOCK = Pattern.compile("(?s)```bash\\n(.*?)```");

    private static CrmApplication application;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
    }

    @Test
    void every_route_named_in_the_docs_is_served() {
        Set<String> served = application.endpoints().stream().map(DocumentedCommandsTest::normalised)
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        int named = 0;
        for (Path page : Docs.pages()) {
            Matcher route = ROUTE.matcher(Docs.read(page));
            while (route.find()) {
                String path = route.group(2).replaceAll("[?].*$", "").replaceAll("[.:]$", "");
                for (String verb : route.group(1).split("[|/]")) {
                    for (String alternative : alternatives(path)) {
                        named++;
                        String endpoint = normalised(verb + " " + alternative);
                        if (!served.contains(endpoint)) missing.add(Docs.name(page) + ": " + verb + " " + alternative);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
        assertTrue(named > 50, "only " + named + " routes found in the docs");
    }

    @Test
    void the_rest_api_page_commands_run_against_a_real_server() throws Exception {
        String page = Docs.read(Docs.ROOT.resolve("docs/integrating/rest-api.md"));
        StringBuilder script = new StringBuilder("set -euo pipefail\n"
                // Any HTTP error fails the script; no command may hang the build.
                + "curl() { command curl --fail-with-body --max-time 60 \"$@\"; }\n");
        Matcher block = SHELL_BLOCK.matcher(page);
        while (block.find()) {
            if (block.group(1).contains("localhost:7070")) script.append(block.group(1)).append('\n');
        }
        assertFalse(script.isEmpty());
        Process bash = new ProcessBuilder("bash", "-c",
                script.toString().replace("localhost:7070", "localhost:" + application.port()))
                .redirectErrorStream(true).start();
        assertTrue(bash.waitFor(3, TimeUnit.MINUTES), "the commands did not finish");
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.exitValue(), output.substring(Math.max(0, output.length() - 2000)));
    }

    /** "/api/workflows/{id}/activate|pause" is two routes. */
    private static List<String> alternatives(String path) {
        int slash = path.lastIndexOf('/');
        List<String> paths = new ArrayList<>();
        for (String last : path.substring(slash + 1).split("\\|")) paths.add(path.substring(0, slash + 1) + last);
        return paths;
    }

    /** Path parameters compare equal however they are written: {id}, <id>, {slackUserId}. */
    private static String normalised(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}|<[^>]*>", "{}");
    }
}
