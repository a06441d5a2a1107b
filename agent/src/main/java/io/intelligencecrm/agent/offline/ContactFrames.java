package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a message asks of one contact: add it, show it, change it, move its stage, delete it, explain it. */
final class ContactFrames {
    private static final Pattern VERBS = Pattern.compile("(?i)^\\s*(?:please\\s+|pls\\s+|can\\s+you\\s+|could\\s+you\\s+)?"
            + "(?:tell\\s+me\\s+(?:everything\\s+)?about|what\\s+do\\s+we\\s+know\\s+about|show(?:\\s+me)?|open|pull\\s+up|find|look\\s*up"
            + "|search(?:\\s+for)?|who\\s+is|who's|whos|get|give\\s+me|details\\s+(?:for|of|on)|info\\s+on|background\\s+on|is|move|mark"
            + "|set|change|update|make|turn|flip|bump|qualify|upgrade|convert|demote|delete|remove|trash|erase|wipe|get\\s+rid\\s+of"
            + "|explain|why\\s+(?:is|does)|assign|give|hand(?:\\s+over)?|transfer|reassign|find\\s+(?:contacts|people|leads)\\s+"
            + "(?:similar\\s+to|like)|who\\s+else\\s+is\\s+like|similar\\s+to|like)\\b");
    private static final Pattern FIELD_TO = Pattern.compile("(?i)(?<field>job\\s+title|title|role|position|phone(?:\\s+number)?|number"
            + "|mobile|cell|e-?mail(?:\\s+address)?|company|employer|first\\s+name|last\\s+name|surname|source|country|location)"
            + "(?:\\s+(?:to|is|=|should\\s+be|:)|\\s*:)\\s+(?:now\\s+)?(?<value>.+?)\\s*[.!]?$");
    private static final Pattern BECAME_TITLE = Pattern.compile("(?i)(?:\\b(?:is|'s|’s|s|was)\\s+(?:now\\s+)?(?:actually\\s+)?"
            + "|\\b(?:promoted\\s+to|became|becomes|now|works\\s+as|working\\s+as|title\\s+is)\\s+)(?:the\\s+|our\\s+|their\\s+|a\\s+|an\\s+)?"
            + "(?<title>[\\p{L}&/ -]{2,60}?)\\s*(?:now)?\\s*[.!]?$");
    private static final Pattern MOVED_TO = Pattern.compile("(?i)\\b(?:moved|moving|went|switched|left\\s+for|joined|jumped)\\s+(?:to|over\\s+to)?\\s*"
            + "(?<company>[\\p{L}\\d&.' -]+?)\\s*(?:now)?\\s*[.!]?$|\\b(?:works|working|is\\s+now)\\s+(?:at|for)\\s+(?<company2>[\\p{L}\\d&.' -]+?)"
            + "\\s*(?:now)?\\s*[.!]?$");
    private static final Pattern BASED_IN = Pattern.compile("(?i)\\b(?:based|located|lives|living)\\s+in\\s+(?<country>[\\p{L} ]+?)\\s*[.!]?$");
    /** "delete all contacts": a group, which is never deleted at once. */
    private static final Pattern EVERYONE = Pattern.compile("(?i)\\b(?:all|every|everyone|everybody|each)\\b");
    /** "Head of IT now": when it is so, not part of the value. */
    private static final Pattern TRAILING_TIME = Pattern.compile("(?i)(?:\\s*,)?\\s+(?:now|anymore|any\\s+more|these\\s+days|as\\s+of"
            + "\\s+(?:today|now|this\\s+week)|from\\s+now\\s+on|since\\s+(?:today|monday|last\\s+week))$");
    /** "a new team", "the other office", "another role": a description, not a company's name. */
    private static final Pattern COMMON_PHRASE = Pattern.compile("(?:a|an|the|another|some|new|my|our|their|his|her|other|different"
            + "|next|same)\\s");
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("job title", "title"), Map.entry("title", "title"),
            Map.entry("role", "title"), Map.entry("position", "title"), Map.entry("phone", "phone"),
            Map.entry("phone number", "phone"), Map.entry("number", "phone"), Map.entry("mobile", "phone"), Map.entry("cell", "phone"),
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("email address", "email"),
            Map.entry("company", "companyName"), Map.entry("employer", "companyName"), Map.entry("first name", "firstName"),
            Map.entry("last name", "lastName"), Map.entry("surname", "lastName"), Map.entry("source", "source"),
            Map.entry("country", "country"), Map.entry("location", "country"));

    private ContactFrames() {
    }

    static Part create(Reading reading) {
        Map<String, Object> arguments = ContactCreation.read(reading);
        if (arguments == null) {
            return Part.Question.plain("Whom should I add? Give me at least a name or an email address, for example \"add "
                    + "Jane Doe from Acme, jane@acme.com\".");
        }
        return new Part.Steps(Plan.single("create contacts", "createContact", arguments));
    }

    static Part details(Reading reading) {
        Target target = contact(reading);
        if (target instanceof Target.Missing || target instanceof Target.NotFound) {
            Optional<Part> account = account(reading);
            if (account.isPresent()) return account.get();
        }
        return Action.of("read contacts", RecordMention.CONTACT, "getContact", "contactIdOrEmail", Map.of())
                .part(target, "Whom do you want to know about? Give me a name or an email.");
    }

    /** "tell me about Acme": a company's summary, when the words name a company and no contact. */
    static Optional<Part> account(Reading reading) {
        List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
        if (companies.isEmpty()) return Optional.empty();
        return Optional.of(ReportFrames.accountSummary(reading));
    }

    static Part update(Reading reading) {
        Map<String, Object> change = change(reading);
        if (change.isEmpty()) {
            return Part.Question.plain("What should I change? For example \"change Jane Doe's title to CTO\" or \"her email is "
                    + "jane@acme.com\".");
        }
        Target target = contact(reading);
        // The new address is the value, not who it belongs to.
        if (target instanceof Target.Lookup lookup && lookup.words().equalsIgnoreCase(String.valueOf(change.get("email")))) {
            target = reading.hasPronoun() ? new Target.NotFound("them") : new Target.Missing();
        }
        return Action.of("update contacts", RecordMention.CONTACT, "updateContact", "contactId", change)
                .part(target, "Whose details should I change? Give me their name.");
    }

    /** The field and value a message changes: an address or number it contains, or "X's title is Y" and the like. */
    static Map<String, Object> change(Reading reading) {
        Map<String, Object> change = new LinkedHashMap<>();
        String text = reading.text();
        Matcher field = FIELD_TO.matcher(text);
        if (field.find()) {
            String name = FIELDS.get(field.group("field").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("e-mail", "email"));
            String value = TRAILING_TIME.matcher(field.group("value").strip()).replaceAll("");
            if ("email".equals(name)) value = reading.scan().firstValue(Span.Kind.EMAIL, String.class).orElse(value);
            if ("phone".equals(name)) value = reading.scan().firstValue(Span.Kind.PHONE, String.class).orElse(value);
            if ("title".equals(name)) value = Titles.tidy(value);
            if ("companyName".equals(name)) value = companyName(reading, value);
            if (name != null && value != null && !value.isEmpty()) change.put(name, value);
            return change;
        }
        reading.scan().firstValue(Span.Kind.EMAIL, String.class).ifPresent(email -> change.put("email", email));
        reading.scan().firstValue(Span.Kind.PHONE, String.class).ifPresent(phone -> change.put("phone", phone));
        if (!change.isEmpty()) return change;
        Matcher moved = MOVED_TO.matcher(text);
        if (moved.find()) {
            String company = companyName(reading, moved.group("company") != null ? moved.group("company") : moved.group("company2"));
            if (company != null) change.put("companyName", company);
            return change;
        }
        Matcher based = BASED_IN.matcher(text);
        if (based.find()) {
            change.put("country", Words.capitalised(based.group("country").strip()));
            return change;
        }
        Matcher title = BECAME_TITLE.matcher(text);
        if (title.find()) {
            String said = title.group("title").strip();
            Titles.Found found = Titles.in(said);
            if (found != null) {
                change.put("title", found.title());
                String company = found.company() == null ? null : companyName(reading, found.company());
                if (company != null) change.put("companyName", company);
            }
        }
        return change;
    }

    /** The company a phrase names: a record the words match, else the phrase if it reads as a name; null for "a new team". */
    private static String companyName(Reading reading, String said) {
        for (List<RecordMention> group : reading.mentions(RecordMention.COMPANY)) {
            if (said.toLowerCase(Locale.ROOT).contains(group.getFirst().name().toLowerCase(Locale.ROOT).split(" ")[0])) {
                return group.getFirst().name();
            }
        }
        String tidy = Words.tidy(said);
        return COMMON_PHRASE.matcher(tidy).lookingAt() ? null : tidy;
    }

    static Part stage(Reading reading, Stage stage) {
        return Action.of("change contacts", RecordMention.CONTACT, "changeContactStage", "contactId",
                Map.of("stage", stage.contactStage())).part(contact(reading), "Whose stage should I change? Give me their name.");
    }

    static Part delete(Reading reading) {
        if (EVERYONE.matcher(reading.text()).find()) {
            return new Part.Say("I do not delete contacts in bulk, in offline mode or otherwise: name one contact and I will propose "
                    + "deleting it, for your approval. Nothing was changed.");
        }
        return Action.of("delete contacts", RecordMention.CONTACT, "deleteContact", "contactId", Map.of())
                .part(contact(reading), "Which contact should I delete? Give me their name or email.");
    }

    static Part similar(Reading reading) {
        return Action.of("find similar contacts", RecordMention.CONTACT, "findSimilarContacts", "contactId", Map.of())
                .part(contact(reading), "Similar to whom? Give me a contact's name.");
    }

    static Part explainScore(Reading reading) {
        return Action.of("explain scores", RecordMention.CONTACT, "explainScore", "contactId", Map.of())
                .part(contact(reading), "Whose score should I explain? Give me a contact's name.");
    }

    /** The contact the message is about; an address names it too. */
    static Target contact(Reading reading) {
        return contact(reading, NameWords.guess(reading, VERBS, Span.Kind.EMAIL, Span.Kind.PHONE, Span.Kind.STAGE, Span.Kind.WHEN,
                Span.Kind.AMOUNT, Span.Kind.SCOPE, Span.Kind.DOMAIN));
    }

    /** @param words what the message calls the contact when no record matched */
    static Target contact(Reading reading, String words) {
        Target target = reading.target(RecordMention.CONTACT, words);
        if (target instanceof Target.Missing && reading.scan().has(Span.Kind.EMAIL) && !reading.matched()) {
            return new Target.Lookup(reading.scan().firstValue(Span.Kind.EMAIL, String.class).orElseThrow());
        }
        if (target instanceof Target.Lookup) {
            // Without the matcher an address is the best words to look a contact up by.
            Optional<String> email = reading.scan().firstValue(Span.Kind.EMAIL, String.class);
            if (email.isPresent()) return new Target.Lookup(email.get());
        }
        return target;
    }
}
