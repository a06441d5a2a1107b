package io.intelligencecrm.web.page;

import java.util.ArrayList;
import java.util.List;

/** The sidebar's entries in order, with what each role may open. */
public final class Navigation {
    private Navigation() {
    }

    /** @param key the {@link Shell#active()} value of the page, also the icon's name */
    public record Item(String href, String key, String label) {
    }

    public static List<Item> items(Shell shell) {
        List<Item> items = new ArrayList<>(List.of(
                new Item("/", "chat", "Chat"),
                new Item("/inbox", "inbox", "Inbox"),
                new Item("/contacts", "contacts", "Contacts"),
                new Item("/companies", "companies", "Companies"),
                new Item("/deals", "deals", "Pipeline"),
                new Item("/dashboard", "dashboard", "Dashboard")));
        if (shell.manager()) items.add(new Item("/scoring", "scoring", "Lead scoring"));
        items.addAll(List.of(
                new Item("/workflows", "workflows", "Workflows"),
                new Item("/knowledge", "knowledge", "Knowledge"),
                new Item("/import", "import", "Import"),
                new Item("/mail", "mail", "Mail"),
                new Item("/slack", "slack", "Slack")));
        if (shell.admin()) items.add(new Item("/settings", "settings", "Settings"));
        return items;
    }
}
