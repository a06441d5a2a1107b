package io.intelligencecrm.agent.offline.intent;

import java.util.Locale;

/**
 * What a message can ask the offline model for. Each has a bank of example messages
 * ({@code offline/intents.txt}); a message is read as the intent whose examples it is closest to in
 * meaning. {@code reading} words the intent for a question that offers two readings.
 */
public enum Intent {
    GREET("say hello", false),
    HELP("explain what I can do", false),
    THANKS("acknowledge", false),
    UNKNOWN("something I cannot do", false),

    FIND_CONTACTS("search your contacts", false),
    CONTACT_DETAILS("show a contact's details", false),
    FIND_COMPANIES("search companies", false),
    ACCOUNT_SUMMARY("summarise an account", false),
    FIND_DEALS("list deals", false),
    PIPELINE("show the pipeline", false),
    NEW_LEADS("count new leads", false),
    DEALS_CLOSING("list deals closing soon", false),
    STALE_DEALS("list deals that went quiet", false),
    STALE_CONTACTS("list contacts nobody talked to lately", false),
    ACTIVITY("show activity per rep", false),
    CONVERSION("show conversion by source", false),
    CLOSED_REVENUE("total the revenue closed", false),
    COUNT("count records", false),
    SEARCH_NOTES("search notes and calls", false),
    SIMILAR_CONTACTS("find similar contacts", false),
    ASK_DOCUMENTS("answer from your documents", false),
    LEADS_TO_CALL("list the leads to call", false),
    SCORE_DROPS("list leads whose score dropped", false),
    EXPLAIN_SCORE("explain a lead score", false),
    SCORE_LEADS("score your leads", false),
    LIST_TASKS("list your tasks", false),
    LIST_WORKFLOWS("list your workflows", false),
    DRAFT_EMAIL("draft an email", false),
    BULK_DRAFT("draft emails to several contacts", false),

    CREATE_CONTACT("add a contact", true),
    CREATE_COMPANY("add a company", true),
    CREATE_DEAL("create a deal", true),
    LOG_INTERACTION("log a call, meeting or note", true),
    CONTACT_STAGE("change a contact's stage", true),
    DEAL_STAGE("move a deal to another stage", true),
    UPDATE_CONTACT("change a contact's details", true),
    ASSIGN_OWNER("give a record to a colleague", true),
    DELETE_CONTACT("delete a contact", true),
    SEND_EMAIL("email a contact", true),
    GROUP_EMAIL("email a group of contacts", true),
    BULK_STAGE("change the stage of several contacts", true),
    CREATE_TASK("create a task or reminder", true),
    COMPLETE_TASK("mark a task done", true),
    CREATE_WORKFLOW("set up a recurring automation", true),
    CHANGE_WORKFLOW("pause, resume or delete a workflow", true),
    UNDO("undo your last change", true),
    CORRECT_RECORD("move what I just logged to another record", true);

    private final String reading;
    private final boolean writes;

    Intent(String reading, boolean writes) {
        this.reading = reading;
        this.writes = writes;
    }

    public String reading() {
        return reading;
    }

    /** Whether acting on it changes data (or proposes a change): such intents need a sure reading. */
    public boolean writes() {
        return writes;
    }

    /** The bank's spelling: log_interaction. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent ofKey(String key) {
        return valueOf(key.strip().toUpperCase(Locale.ROOT));
    }
}
