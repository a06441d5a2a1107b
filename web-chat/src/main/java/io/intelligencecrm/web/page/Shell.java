package io.intelligencecrm.web.page;

/**
 * What the layout around every page needs: the page title, which navigation item is current, the
 * signed-in person, the CSRF token for forms and scripts, whether the agent runs offline, and how many
 * notifications and tasks wait in the inbox.
 */
public record Shell(String title, String active, String userName, String role, boolean admin, String csrf,
                    boolean offline, int inbox) {
}
