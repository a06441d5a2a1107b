package io.intelligencecrm.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * axe-core (the org.webjars.npm build from Maven Central) run inside the page: no serious or
 * critical accessibility violation may remain. It is evaluated through the DevTools protocol, which
 * the page's Content-Security-Policy does not govern, so the policy stays as strict as in production.
 */
public final class Axe {
    private static final String SOURCE = load();

    private Axe() {
    }

    public static void check(Page page) {
        page.evaluate(SOURCE + "\n;undefined");
        Object found = page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
                    .join('\\n');
                }""");
        assertEquals("", found, "accessibility violations on " + page.url());
    }

    private static String load() {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe.version", "4.6.3") + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("axe-core is not on the test classpath: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
