package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.intent.Intent;
import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.Stage;
import java.util.List;
import java.util.Optional;

/** From an intent to what to do: the frame that reads the intent's values and records from the words. */
final class Frames {
    private Frames() {
    }

    static Part build(Intent intent, Reading reading) {
        return switch (intent) {
            case GREET -> ConversationFrames.greet(reading);
            case HELP -> ConversationFrames.help(reading);
            case THANKS -> ConversationFrames.thanks(reading);
            case UNKNOWN -> ConversationFrames.unknown(reading);
            case UNDO -> ConversationFrames.undo(reading);
            case CORRECT_RECORD -> ConversationFrames.correct(reading);
            case FIND_CONTACTS -> ReportFrames.findContacts(reading);
            case CONTACT_DETAILS -> ContactFrames.details(reading);
            case FIND_COMPANIES -> ReportFrames.findCompanies(reading);
            case ACCOUNT_SUMMARY -> ReportFrames.accountSummary(reading);
            case FIND_DEALS -> ReportFrames.findDeals(reading);
            case PIPELINE -> ReportFrames.pipeline(reading);
            case NEW_LEADS -> ReportFrames.newLeads(reading);
            case DEALS_CLOSING -> ReportFrames.dealsClosing(reading);
            case STALE_DEALS -> ReportFrames.staleDeals(reading);
            case STALE_CONTACTS -> ReportFrames.staleContacts(reading);
            case ACTIVITY -> ReportFrames.activity(reading);
            case CONVERSION -> ReportFrames.conversion(reading);
            case CLOSED_REVENUE -> ReportFrames.closedRevenue(reading);
            case COUNT -> ReportFrames.count(reading);
            case SEARCH_NOTES -> ReportFrames.searchNotes(reading);
            case SIMILAR_CONTACTS -> ContactFrames.similar(reading);
            case ASK_DOCUMENTS -> ReportFrames.askDocuments(reading);
            case LEADS_TO_CALL -> ReportFrames.leadsToCall(reading);
            case SCORE_DROPS -> ReportFrames.scoreDrops(reading);
            case EXPLAIN_SCORE -> ContactFrames.explainScore(reading);
            case SCORE_LEADS -> ReportFrames.scoreLeads(reading);
            case LIST_TASKS -> TaskFrames.list(reading);
            case LIST_WORKFLOWS -> ReportFrames.listWorkflows(reading);
            case DRAFT_EMAIL -> EmailFrames.draft(reading);
            case BULK_DRAFT, BULK_STAGE -> EmailFrames.bulk(reading);
            case CREATE_CONTACT -> ContactFrames.create(reading);
            case CREATE_COMPANY -> CompanyFrame.create(reading);
            case CREATE_DEAL -> DealFrames.create(reading);
            case LOG_INTERACTION -> InteractionFrame.log(reading);
            case CONTACT_STAGE, DEAL_STAGE -> stage(intent, reading);
            case UPDATE_CONTACT -> ContactFrames.update(reading);
            case ASSIGN_OWNER -> OwnerFrame.assign(reading);
            case DELETE_CONTACT -> ContactFrames.delete(reading);
            case SEND_EMAIL -> EmailFrames.send(reading);
            case GROUP_EMAIL -> EmailFrames.group(reading);
            case CREATE_TASK -> TaskFrames.create(reading);
            case COMPLETE_TASK -> TaskFrames.complete(reading);
            case CREATE_WORKFLOW -> WorkflowFrames.create(reading);
            case CHANGE_WORKFLOW -> WorkflowFrames.change(reading);
        };
    }

    /**
     * A stage change: a deal's when the words name a deal or a deal-only stage, a contact's when they
     * name a contact or a contact-only stage. "lost" goes with whatever record is named.
     */
    private static Part stage(Intent intent, Reading reading) {
        List<Stage> stages = reading.scan().of(Span.Kind.STAGE).stream().map(span -> span.as(Stage.class)).toList();
        // "qualify Zora", "disqualify the Acme deal": the verb names the stage when no stage word does.
        if (stages.isEmpty()) stages = stageVerb(reading.lower()).stream().toList();
        boolean dealNamed = !reading.mentions(RecordMention.DEAL).isEmpty()
                || reading.lower().matches("(?s).*\\b(?:deal|opportunity|opp|oppty)\\b.*");
        boolean contactNamed = !reading.mentions(RecordMention.CONTACT).isEmpty();
        Optional<Stage> dealStage = stages.stream().filter(Stage::forDeals).reduce((first, second) -> second);
        Optional<Stage> contactStage = stages.stream().filter(Stage::forContacts).reduce((first, second) -> second);
        boolean deal = dealNamed || contactStage.isEmpty() && dealStage.isPresent()
                || intent == Intent.DEAL_STAGE && !contactNamed;
        if (deal && dealStage.isPresent()) return DealFrames.stage(reading, dealStage.get());
        if (!deal && contactStage.isPresent()) return ContactFrames.stage(reading, contactStage.get());
        if (dealStage.isPresent() && !contactNamed) return DealFrames.stage(reading, dealStage.get());
        if (contactStage.isPresent()) return ContactFrames.stage(reading, contactStage.get());
        return Part.Question.plain(deal ? "Which stage should the deal move to: prospecting, qualification, proposal, "
                + "negotiation, won or lost?" : "Which stage: lead, qualified, customer or lost?");
    }

    private static Optional<Stage> stageVerb(String lower) {
        if (lower.matches("(?s).*\\bdisqualif(?:y|ied)\\b.*")) return Optional.of(new Stage("lost", "lost"));
        if (lower.matches("(?s).*\\bqualify\\b.*")) return Optional.of(new Stage("qualified", "qualification"));
        return Optional.empty();
    }
}
