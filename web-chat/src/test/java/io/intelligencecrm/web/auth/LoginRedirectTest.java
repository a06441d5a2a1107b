package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where a login may send the browser next: only to a path on this site, however the path is disguised. */
class LoginRedirectTest {

    @Test
    void only_same_origin_paths_are_followed() {
        for (String hostile : new String[] {"/\t/evil.example/x", "/\n/evil.example", "/\r\n/evil.example",
                "/\\evil.example", "\\\\evil.example", "//evil.example", "///evil.example", "https://evil.example",
                "javascript:alert(1)", "/\u3000/evil.example", "/\u00a0/evil.example", "/\u200b/evil.example",
                " /x", "evil.example", "", "/x y", "/\u0000/evil.example", "/%", "/a?b=%zz"}) {
            assertEquals("/", AuthPages.next(hostile), hostile);
        }
        assertEquals("/", AuthPages.next(null));
        for (String path : new String[] {"/", "/contacts", "/contacts/42?tab=notes", "/contacts?q=miller%20smith",
                "/deals#board"}) {
            assertEquals(path, AuthPages.next(path));
        }
    }
}
