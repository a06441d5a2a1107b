package io.intelligencecrm.evals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database end state a corpus case's expected change leaves, as SQL checks: the contact exists with
 * those fields, the deal is in that stage, the interaction is on that contact. References to planted
 * records become sub-selects; days are resolved against the user's today. A change whose end
 * state depends on a later one (an undo) or on what the conversation showed gives no check.
 */
final class DerivedState {
    private final LocalDate today;

    /** @param today the user's today, for {@code @date:} expressions */
    DerivedState(LocalDate today) {
        this.today = today;
    }

    List<StateCheck> of(CorpusCase corpusCase) {
        List<CorpusCase.Call> writes = corpusCase.expect().writes();
        if (writes.stream().anyMatch(call -> call.tools().contains("undoLastChange") || call.tools().contains("moveInteraction"))) {
            return List.of();
        }
        List<StateCheck> checks = new ArrayList<>();
        for (CorpusCase.Call call : writes) check(call).ifPresent(checks::add);
        return checks;
    }

    private Optional<StateCheck> check(CorpusCase.Call call) {
        if (call.tools().size() != 1) return Optional.empty();
        Map<String, Object> args = call.args();
        if (args.values().stream().anyMatch(value -> String.valueOf(value).matches("@(?:row|listed):.*"))) return Optional.empty();
        String name = call.tool() + " " + args;
        try {
            return switch (call.tool()) {
                case "createContact" -> Optional.of(count(name, "contacts c", conditions(args, Map.of("email", "lower(c.email) = lower(%s)",
                        "firstName", "c.first_name = %s", "lastName", "c.last_name = %s", "title", "c.title = %s",
                        "phone", "c.phone = %s", "stage", "c.lifecycle_stage = %s",
                        "companyName", "c.company_id = (select id from companies where name = %s and deleted_at is null order by created_at limit 1)"),
                        "c.deleted_at is null"), "1"));
                case "createCompany" -> Optional.of(count(name, "companies", conditions(args, Map.of("name", "name = %s",
                        "domain", "domain = %s"), "deleted_at is null"), "1"));
                case "logInteraction" -> Optional.of(any(name, "interactions", conditions(args, Map.of("contactId", "contact_id = %s",
                        "type", "type = %s", "content", "content = %s"), "true")));
                case "createDeal" -> Optional.of(any(name, "deals", conditions(args, Map.of("name", "name = %s", "amount", "amount = %s",
                        "currency", "currency = %s", "contactId", "contact_id = %s", "expectedCloseDate", "expected_close_date = %s::date",
                        "companyName", "company_id = (select id from companies where name = %s and deleted_at is null order by created_at limit 1)"),
                        "deleted_at is null")));
                case "moveDealStage" -> field(name, "deals", "stage", args.get("dealId"), args.get("stage"));
                case "markDealWon" -> field(name, "deals", "stage", args.get("dealId"), "won");
                case "markDealLost" -> field(name, "deals", "stage", args.get("dealId"), "lost");
                case "changeContactStage" -> field(name, "contacts", "lifecycle_stage", args.get("contactId"), args.get("stage"));
                case "updateContact" -> updated(name, args);
                case "createTask" -> Optional.of(any(name, "tasks", conditions(args, Map.of("title", "title = %s", "contactId",
                        "contact_id = %s", "dealId", "deal_id = %s"), "true")));
                case "completeTask" -> Optional.of(new StateCheck(name, "select (done_at is not null)::text from tasks where id = "
                        + value(args.get("taskId")), "true", false));
                case "deleteContact" -> Optional.of(any(name, "proposals", "action = 'contact.delete'"));
                case "proposeSendEmail", "proposeSendEmails" -> Optional.of(any(name, "proposals", "action = 'email.send'"));
                case "proposeWorkflow" -> Optional.of(any(name, "workflows", "true"));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException unresolvable) {
            return Optional.empty();
        }
    }

    private Optional<StateCheck> updated(String name, Map<String, Object> args) {
        Map<String, String> columns = Map.of("title", "title", "email", "email", "phone", "phone", "country", "country",
                "firstName", "first_name", "lastName", "last_name", "companyName", "(select name from companies co where co.id = company_id)");
        for (Map.Entry<String, Object> entry : args.entrySet()) {
            String column = columns.get(entry.getKey());
            if (column != null) return field(name, "contacts", column, args.get("contactId"), entry.getValue());
        }
        return Optional.empty();
    }

    private Optional<StateCheck> field(String name, String table, String column, Object id, Object expected) {
        if (id == null || expected == null || String.valueOf(expected).startsWith("~")) return Optional.empty();
        return Optional.of(new StateCheck(name, "select " + column + " from " + table + " where id = " + value(id), String.valueOf(expected),
                false));
    }

    private String conditions(Map<String, Object> args, Map<String, String> templates, String base) {
        StringBuilder where = new StringBuilder(base);
        for (Map.Entry<String, Object> entry : args.entrySet()) {
            String template = templates.get(entry.getKey());
            if (template == null) continue;
            String value = String.valueOf(entry.getValue());
            if (value.startsWith("~")) {
                String column = template.substring(0, template.indexOf(" = "));
                where.append(" and ").append(column).append(" ilike ").append(ExpectedValues.quoted("%" + value.substring(1) + "%"));
            } else {
                where.append(" and ").append(template.formatted(value(entry.getValue())));
            }
        }
        return where.toString();
    }

    private static StateCheck count(String name, String table, String where, String expected) {
        return new StateCheck(name, "select count(*) from " + table + " where " + where, expected, false);
    }

    private static StateCheck any(String name, String table, String where) {
        return new StateCheck(name, "select (count(*) > 0)::text from " + table + " where " + where, "true", false);
    }

    /** A literal, or the sub-select a record reference stands for. */
    private String value(Object expected) {
        String text = String.valueOf(expected);
        if (!text.startsWith("@")) return ExpectedValues.quoted(text);
        String kind = text.substring(1, text.indexOf(':'));
        String what = text.substring(text.indexOf(':') + 1);
        return switch (kind) {
            case "contact" -> what.startsWith("name:")
                    ? "(select id from contacts where first_name || ' ' || last_name = " + ExpectedValues.quoted(what.substring(5))
                    + " order by created_at desc limit 1)"
                    : "(select id from contacts where lower(email) = lower(" + ExpectedValues.quoted(what) + ") order by created_at desc limit 1)";
            case "deal" -> "(select id from deals where name " + ExpectedValues.like(what) + " order by created_at limit 1)";
            case "company" -> "(select id from companies where name = " + ExpectedValues.quoted(what) + " order by created_at limit 1)";
            case "task" -> "(select id from tasks where title " + ExpectedValues.like(what) + " order by created_at limit 1)";
            case "date" -> ExpectedValues.quoted(ExpectedValues.date(what, today).split("T")[0]);
            default -> throw new IllegalArgumentException(text);
        };
    }
}
