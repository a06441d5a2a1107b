package io.intelligencecrm.web.page;

/**
 * What the layout around every page needs: the page title, which navigation item is current, the
 * signed-in person, the CSRF token for forms and scripts, whether the agent runs offline, how many
 * notifications and tasks wait in the inbox, and the person's formats (locale and time zone).
 */
public record Shell(String title, String active, String userName, String role, boolean admin, String csrf,
                    boolean offline, int inbox, Formats formats) {

    /** Managers and admins see the team's figures and the scoring model. */
    public boolean manager() {
        return admin || "manager".equals(role);
    }

    public String initials() {
        return Formats.initials(userName);
    }
}
