package io.intelligencecrm.agent.offline.language;

/**
 * A pipeline word: a contact's lifecycle stage, a deal's stage, or both ("lost" is either; "prospect"
 * is a lead or a prospecting deal). Null where the word means nothing for that kind of record.
 */
public record Stage(String contactStage, String dealStage) {

    public boolean forContacts() {
        return contactStage != null;
    }

    public boolean forDeals() {
        return dealStage != null;
    }
}
