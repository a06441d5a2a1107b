package io.intelligencecrm.web.contact;

import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactDetails;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.interaction.InteractionQuery;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.paging.NumberedPage;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.scoring.ScoreHistory;
import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.intelligencecrm.web.page.FieldNames;
import io.intelligencecrm.web.page.Pager;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Shell;
import io.intelligencecrm.web.page.SvgCharts;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The contact list (search, filters, sort, paging) and a contact's page (editable fields, score, timeline, deals). */
public final class ContactsPage {
    public static final int PAGE_SIZE = 50;
    private static final List<String> EDITABLE = List.of("firstName", "lastName", "email", "phone", "title",
            "lifecycleStage", "companyName", "source", "country", "ownerId");

    private final PageGate gate;
    private final Templates templates;
    private final ContactService contacts;
    private final CompanyService companies;
    private final DealService deals;
    private final InteractionService interactions;
    private final UserService users;
    private final ScoreHistory scores;

    public ContactsPage(PageGate gate, Templates templates, ContactService contacts, CompanyService companies,
                        DealService deals, InteractionService interactions, UserService users, ScoreHistory scores) {
        this.gate = gate;
        this.templates = templates;
        this.contacts = contacts;
        this.companies = companies;
        this.deals = deals;
        this.interactions = interactions;
        this.users = users;
        this.scores = scores;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/contacts", gate.signedIn(this::list));
        routes.post("/contacts", gate.signedIn(this::create));
        routes.get("/contacts/{id}", gate.signedIn(this::detail));
        routes.post("/contacts/{id}", gate.signedIn(this::save));
    }

    /** The list's filters as the URL carries them, so every view can be bookmarked and shared. */
    public record Filters(String q, String stage, String owner, String company, String companyName, String scoreMin,
                          String scoreMax, String sort, String direction) {
        public String query(int page) {
            StringBuilder url = new StringBuilder("/contacts?");
            append(url, "q", q);
            append(url, "stage", stage);
            append(url, "owner", owner);
            append(url, "company", company);
            if (company == null) append(url, "companyName", companyName);
            append(url, "scoreMin", scoreMin);
            append(url, "scoreMax", scoreMax);
            append(url, "sort", sort);
            append(url, "dir", direction);
            if (page > 1) append(url, "page", String.valueOf(page));
            return url.substring(0, url.length() - 1);
        }

        /** The same contacts as a CSV file, through the API's export. */
        public String exportUrl() {
            StringBuilder url = new StringBuilder("/api/contacts/export.csv?");
            append(url, "q", q);
            append(url, "stage", stage);
            append(url, "ownerId", owner);
            append(url, "companyId", company);
            append(url, "scoreMin", scoreMin);
            append(url, "scoreMax", scoreMax);
            return url.substring(0, url.length() - 1);
        }

        /** A column's header link: names sort A-Z first, scores and dates highest and newest first. */
        public String sortedBy(String column) {
            String first = column.equals("name") ? "asc" : "desc";
            String nextDirection = column.equals(sort) ? (first.equals(direction) ? (first.equals("asc") ? "desc" : "asc") : first)
                    : first;
            return new Filters(q, stage, owner, company, companyName, scoreMin, scoreMax, column, nextDirection).query(1);
        }

        public String ariaSort(String column) {
            if (!column.equals(sort)) return null;
            return "asc".equals(direction) ? "ascending" : "descending";
        }

        public boolean any() {
            return q != null || stage != null || owner != null || company != null || companyName != null
                    || scoreMin != null || scoreMax != null;
        }

        private static void append(StringBuilder url, String name, String value) {
            if (value != null && !value.isBlank()) {
                url.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
    }

    void list(Context ctx, Signed signed) {
        var actor = signed.actor();
        String sort = blank(ctx.queryParam("sort"));
        String direction = blank(ctx.queryParam("dir"));
        if (sort != null && direction == null) direction = sort.equals("name") ? "asc" : "desc";
        Filters filters = new Filters(blank(ctx.queryParam("q")), blank(ctx.queryParam("stage")), blank(ctx.queryParam("owner")),
                blank(ctx.queryParam("company")), blank(ctx.queryParam("companyName")), blank(ctx.queryParam("scoreMin")),
                blank(ctx.queryParam("scoreMax")), sort, direction);
        String error = null;
        NumberedPage<Contact> page = new NumberedPage<>(List.of(), 0, 1, PAGE_SIZE);
        String companyName = filters.companyName();
        try {
            UUID companyId = id(filters.company(), "company");
            if (companyId != null) {
                companyName = companies.details(actor, companyId).company().name();
            } else if (companyName != null) {
                // A typed company name filters by the closest match, and says so when nothing matches.
                String typed = companyName;
                companyId = companies.findByName(actor, typed, 1).stream().findFirst().map(company -> company.id())
                        .orElseThrow(() -> CrmException.invalid("company", "no company is named like \"" + typed + "\""));
                companyName = companies.details(actor, companyId).company().name();
            }
            ContactQuery query = new ContactQuery(filters.q(), id(filters.owner(), "owner"),
                    filters.stage() == null ? null : stage(filters.stage()), companyId, null, null, null, null, null,
                    decimal(filters.scoreMin(), "scoreMin"), decimal(filters.scoreMax(), "scoreMax"), Map.of(),
                    filters.sort(), filters.direction() == null ? null : filters.direction().equals("desc"),
                    null, PAGE_SIZE, false);
            page = contacts.page(actor, query, Pager.requested(ctx.queryParam("page")));
        } catch (CrmException e) {
            ctx.status(400);
            error = FieldNames.sentence(e);
        }
        Filters shown = new Filters(filters.q(), filters.stage(), filters.owner(), filters.company(), companyName,
                filters.scoreMin(), filters.scoreMax(), filters.sort(), filters.direction());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", gate.shell(ctx, signed, "Contacts", "contacts"));
        params.put("page", page);
        params.put("pages", Pager.of(page, shown::query));
        params.put("filters", shown);
        params.put("owners", owners(actor));
        params.put("error", error);
        params.put("addError", ctx.queryParam("added"));
        templates.page(ctx, "contacts.jte", params);
    }

    /** The list's "Add a contact" form; a refused one is shown again with the reasons and what was typed. */
    void create(Context ctx, Signed signed) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : List.of("firstName", "lastName", "email", "companyName")) {
            String value = ctx.formParam(field);
            if (value != null && !value.isBlank()) fields.put(field, value.strip());
        }
        try {
            ctx.redirect("/contacts/" + contacts.create(signed.actor(), fields).id());
        } catch (CrmException e) {
            ctx.redirect("/contacts?added=" + java.net.URLEncoder.encode(FieldNames.sentence(e),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    void detail(Context ctx, Signed signed) {
        render(ctx, signed, contactId(ctx), null, Map.of());
    }

    /** The form's fallback without JavaScript: save the changed fields, then show the page again. */
    void save(Context ctx, Signed signed) {
        UUID id = contactId(ctx);
        Map<String, Object> patch = new LinkedHashMap<>();
        for (String field : EDITABLE) {
            String value = ctx.formParam(field);
            if (value != null) patch.put(field, value.isBlank() && !field.equals("lifecycleStage") ? null : value.strip());
        }
        try {
            contacts.update(signed.actor(), id, patch);
            ctx.redirect("/contacts/" + id + "?saved");
        } catch (CrmException e) {
            ctx.status(e.fieldErrors().isEmpty() ? 403 : 400);
            render(ctx, signed, id, e.fieldErrors().isEmpty() ? e.getMessage() : "check the fields marked below.",
                    e.fieldErrors());
        }
    }

    private void render(Context ctx, Signed signed, UUID id, String error, Map<String, String> fieldErrors) {
        var actor = signed.actor();
        ContactDetails details = contacts.details(actor, id);
        Shell shell = gate.shell(ctx, signed, details.contact().fullName(), "contacts");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shell", shell);
        params.put("details", details);
        long score = details.latestScore() == null ? 0 : Math.round(details.latestScore().score().doubleValue());
        params.put("explanation", ScoreExplanation.read(details.latestScore() == null ? null
                : details.latestScore().metadata(), score));
        List<ScoreHistory.Point> trend = scores.recent(actor, id);
        params.put("trendChart", trend.size() < 2 ? "" : SvgCharts.line("Score over time", trend.reversed().stream()
                .map(point -> new SvgCharts.Bar(shell.formats().day(point.calculatedAt()), point.score().doubleValue(),
                        shell.formats().whole(point.score()))).toList(), value -> shell.formats().whole(value)));
        params.put("timeline", interactions.list(actor, InteractionQuery.forContact(id, 50)).items());
        params.put("deals", deals.list(actor, new DealQuery(null, null, null, null, null, id, null, null, null, null,
                "updated", true, null, 50, false)).items());
        params.put("owners", owners(actor));
        params.put("error", error);
        params.put("fieldErrors", fieldErrors);
        params.put("saved", ctx.queryParam("saved") != null);
        templates.page(ctx, "contact.jte", params);
    }

    private Map<UUID, String> owners(io.intelligencecrm.core.identity.Actor actor) {
        return users.list(actor).stream().collect(Collectors.toMap(User::id,
                user -> user.fullName() == null || user.fullName().isBlank() ? user.email() : user.fullName(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static UUID contactId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw CrmException.notFound("Contact");
        }
    }

    private static LifecycleStage stage(String text) {
        try {
            return LifecycleStage.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("stage", "must be lead, qualified, customer or lost");
        }
    }

    private static UUID id(String text, String field) {
        return parse(text, field, UUID::fromString, "is not a valid id");
    }

    private static BigDecimal decimal(String text, String field) {
        return parse(text, field, BigDecimal::new, "must be a number from 0 to 100");
    }

    private static <T> T parse(String text, String field, Function<String, T> parser, String message) {
        if (text == null) return null;
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid(field, message);
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
