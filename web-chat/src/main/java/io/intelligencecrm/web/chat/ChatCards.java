package io.intelligencecrm.web.chat;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.web.page.FieldNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Proposal cards as a preview people can decide on: who an email goes to, its subject and body, the
 * records a bulk change touches (named and linked, at most {@value #SHOWN_RECORDS}), the new owner or
 * stage. Ids are resolved to names here and never shown.
 */
public final class ChatCards {
    static final int SHOWN_RECORDS = 10;
    private static final Pattern UUID_LIKE = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Map<String, String> STATUS = Map.of("pending", "Waiting for your decision",
            "executing", "Running…", "executed", "Approved and done", "rejected", "Rejected: nothing was done",
            "expired", "Expired without a decision: nothing was done", "failed", "Approved, but it could not be done");

    private final ContactService contacts;
    private final DealService deals;
    private final UserService users;

    public ChatCards(ContactService contacts, DealService deals, UserService users) {
        this.contacts = contacts;
        this.deals = deals;
        this.users = users;
    }

    /** @param outcome the decided proposal's outcome (its error when it failed), may be empty */
    public ChatView.Proposal proposal(Actor actor, String id, String action, String summary, Map<String, Object> arguments,
                                      String hash, String status, Map<String, Object> outcome) {
        List<ChatView.Field> fields = new ArrayList<>();
        List<ChatView.Link> records = new ArrayList<>();
        long more = 0;
        List<ChatView.Field> editable = new ArrayList<>();
        boolean email = action.startsWith("email.");
        for (var argument : arguments.entrySet()) {
            String key = argument.getKey();
            Object value = argument.getValue();
            if (value == null) continue;
            if (key.equals("contactId") || key.equals("contactIds")) {
                List<?> ids = value instanceof Collection<?> many ? List.copyOf(many) : List.of(value);
                if (email) {
                    fields.add(new ChatView.Field("To", recipients(actor, ids), false, null));
                } else {
                    for (Object contactId : ids.stream().limit(SHOWN_RECORDS).toList()) records.add(contact(actor, contactId));
                }
                more += Math.max(0, ids.size() - SHOWN_RECORDS);
            } else if (key.equals("dealId")) {
                records.add(deal(actor, value));
            } else if (key.equals("ownerId")) {
                fields.add(new ChatView.Field("New owner", owner(actor, value), false, null));
            } else if (key.endsWith("Id") || key.endsWith("Ids") || key.equals("version")) {
                // Internal references (a send's idempotency key, a workflow the summary names).
            } else {
                String text = value instanceof String s ? s : String.valueOf(value);
                if (UUID_LIKE.matcher(text).matches()) continue;
                String label = key.equals("stage") ? "New stage" : FieldNames.label(key);
                boolean multiline = text.contains("\n") || text.length() > 80;
                ChatView.Field field = new ChatView.Field(label, text, multiline, value instanceof String ? key : null);
                fields.add(field);
                if (field.name() != null) editable.add(field);
            }
        }
        fields.sort(Comparator.comparingInt(ChatCards::order));
        editable.sort(Comparator.comparingInt(ChatCards::order));
        return new ChatView.Proposal(id, summary, hash, status, statusText(status, outcome), fields, records, more,
                "pending".equals(status) ? editable : List.of());
    }

    /** A mail reads To, Subject, then the rest, with long text (a body) last. */
    private static int order(ChatView.Field field) {
        return switch (field.label()) {
            case "To" -> 0;
            case "Subject" -> 1;
            default -> field.multiline() ? 3 : 2;
        };
    }

    static String statusText(String status, Map<String, Object> outcome) {
        if ("failed".equals(status) && outcome != null && outcome.get("error") instanceof String error) {
            return STATUS.get(status) + ": " + error;
        }
        return STATUS.getOrDefault(status, status);
    }

    private String recipients(Actor actor, List<?> ids) {
        List<String> names = new ArrayList<>();
        for (Object id : ids.stream().limit(SHOWN_RECORDS).toList()) {
            try {
                Contact contact = contacts.get(actor, UUID.fromString(String.valueOf(id)));
                names.add(contact.fullName() + (contact.email() == null ? "" : " <" + contact.email() + ">"));
            } catch (CrmException | IllegalArgumentException e) {
                names.add("a contact you cannot see");
            }
        }
        return String.join(", ", names) + (ids.size() > SHOWN_RECORDS ? " and " + (ids.size() - SHOWN_RECORDS) + " more" : "");
    }

    private ChatView.Link contact(Actor actor, Object id) {
        try {
            Contact contact = contacts.get(actor, UUID.fromString(String.valueOf(id)));
            return new ChatView.Link(contact.fullName(), "/contacts/" + contact.id());
        } catch (CrmException | IllegalArgumentException e) {
            return new ChatView.Link("A contact you cannot see", null);
        }
    }

    private ChatView.Link deal(Actor actor, Object id) {
        try {
            var deal = deals.get(actor, UUID.fromString(String.valueOf(id)));
            return new ChatView.Link(deal.name(), "/deals?deal=" + deal.id());
        } catch (CrmException | IllegalArgumentException e) {
            return new ChatView.Link("A deal you cannot see", null);
        }
    }

    private String owner(Actor actor, Object id) {
        try {
            User user = users.get(actor, UUID.fromString(String.valueOf(id)));
            return user.fullName().isBlank() ? user.email() : user.fullName();
        } catch (CrmException | IllegalArgumentException e) {
            return "another user";
        }
    }

    /** A tool's table without id columns, each row linked to the record its id names. */
    public static ChatView.Table table(String title, List<String> columns, List<List<Object>> rows, String recordType,
                                       String chartSvg, long totalRows) {
        int id = -1;
        int contactId = -1;
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (column.equalsIgnoreCase("id")) id = i;
            else if (column.equals("contactId")) contactId = i;
            if (!column.equalsIgnoreCase("id") && !column.endsWith("Id")) shown.add(i);
        }
        List<String> headers = shown.stream().map(i -> heading(columns.get(i))).toList();
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (List<Object> row : rows) {
            cells.add(shown.stream().map(i -> i < row.size() ? cell(row.get(i)) : "").toList());
            String href = null;
            if (recordType != null && id >= 0 && id < row.size()) href = href(recordType, row.get(id));
            else if (contactId >= 0 && contactId < row.size()) href = href("contact", row.get(contactId));
            links.add(href);
        }
        return new ChatView.Table(title, headers, cells, links, chartSvg, totalRows);
    }

    private static String heading(String column) {
        return column.isEmpty() ? column : Character.toUpperCase(column.charAt(0)) + column.substring(1);
    }

    private static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(java.util.Locale.US, "%,d", (long) d)
                    : String.format(java.util.Locale.US, "%,.1f", d);
        }
        return String.valueOf(value);
    }

    /** The page of the record a row names; only ids that parse, so a row can never link outside the app. */
    static String href(String type, Object id) {
        if (id == null) return null;
        UUID uuid;
        try {
            uuid = UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (type) {
            case "contact" -> "/contacts/" + uuid;
            case "company" -> "/companies/" + uuid;
            case "deal" -> "/deals?deal=" + uuid;
            case "task" -> "/inbox";
            case "workflow" -> "/workflows";
            default -> null;
        };
    }
}
