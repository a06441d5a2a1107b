package io.intelligencecrm.web.page;

/**
 * What the layout around every page needs: the page title, which navigation item is current, the
 * signed-in person, the CSRF token for forms and scripts, and whether the agent runs offline.
 */
public record Shell(String title, String active, String userName, String role, boolean admin, String csrf,
                    boolean offline) {
}
