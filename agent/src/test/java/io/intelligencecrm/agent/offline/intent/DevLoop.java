package io.intelligencecrm.agent.offline.intent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.TextScan;
import io.intelligencecrm.knowledge.embedding.EmbeddingModels;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LOCAL DEV LOOP (not committed): intent accuracy of the dev corpus's single-turn cases. */
public final class DevLoop {
    static final Map<String, String> TOOL = Map.ofEntries(Map.entry("createContact", "create_contact"), Map.entry("logInteraction", "log_interaction"),
            Map.entry("createDeal", "create_deal"), Map.entry("moveDealStage", "deal_stage"), Map.entry("markDealWon", "deal_stage"),
            Map.entry("markDealLost", "deal_stage"), Map.entry("changeContactStage", "contact_stage"), Map.entry("updateContact", "update_contact"),
            Map.entry("deleteContact", "delete_contact"), Map.entry("assignContactOwner", "assign_owner"), Map.entry("assignDealOwner", "assign_owner"),
            Map.entry("createTask", "create_task"), Map.entry("completeTask", "complete_task"), Map.entry("proposeWorkflow", "create_workflow"),
            Map.entry("proposeSendEmail", "send_email"), Map.entry("proposeSendEmails", "group_email"), Map.entry("bulkChangeContactStage", "bulk_stage"),
            Map.entry("undoLastChange", "undo"), Map.entry("moveInteraction", "correct_record"), Map.entry("createCompany", "create_company"),
            Map.entry("findDeals", "find_deals"), Map.entry("searchContacts", "find_contacts"), Map.entry("getContact", "contact_details"),
            Map.entry("accountSummary", "account_summary"), Map.entry("pipelineByStage", "pipeline"), Map.entry("getPipeline", "pipeline"),
            Map.entry("newLeads", "new_leads"), Map.entry("dealsClosing", "deals_closing"), Map.entry("staleDeals", "stale_deals"),
            Map.entry("staleContacts", "stale_contacts"), Map.entry("activityByRep", "activity"), Map.entry("conversionBySource", "conversion"),
            Map.entry("closedRevenue", "closed_revenue"), Map.entry("countRecords", "count"), Map.entry("searchNotes", "search_notes"),
            Map.entry("findSimilarContacts", "similar_contacts"), Map.entry("answerFromDocuments", "ask_documents"), Map.entry("leadsToCall", "leads_to_call"),
            Map.entry("scoreDrops", "score_drops"), Map.entry("explainScore", "explain_score"), Map.entry("scoreMyLeads", "score_leads"),
            Map.entry("listTasks", "list_tasks"), Map.entry("listWorkflows", "list_workflows"), Map.entry("draftEmail", "draft_email"),
            Map.entry("draftEmailsForContacts", "bulk_draft"), Map.entry("findCompanies", "find_companies"));
    static final Pattern NAMES = Pattern.compile("(?i)\\b(?:grace liu|grace|ben ortiz|ben|jane park|jane morrow|jane|priya raman|priya shah|priya|"
            + "amelia zhou|amelia|nadia okonkwo|nadia|marco bellini|marco|tom reed)\\b");
    static final Pattern COMPANIES = Pattern.compile("(?i)\\b(?:acme corporation|acme|globex|initech|hooli|orbitel|vela systems|vela|lumen labs|lumen"
            + "|tyrell systems|monarch retail|helios solar|silverline insurance|cobalt mining|atlas robotics|saffron telecom|nordlicht energie"
            + "|polaris education|quantum ledger|bluth homes|verdant farms|lunar freight)\\b");
    static final Pattern MEMBERS = Pattern.compile("(?i)\\b(?:sam|alex|jordan)\\b");

    public static void main(String[] args) throws Exception {
        IntentClassifier classifier = new IntentClassifier(EmbeddingModels.inProcess());
        JsonNode cases = new ObjectMapper().readTree(new File(args[0]));
        int total = 0;
        int right = 0;
        Map<String, Integer> confusions = new TreeMap<>();
        for (JsonNode c : cases) {
            if (c.get("turns").size() != 1) continue;
            String label = label(c);
            if (label == null) continue;
            String text = c.get("turns").get(0).asText();
            String masked = mask(text);
            Classification result = classifier.classify(masked);
            total++;
            boolean ok = result.top().intent().key().equals(label);
            if (ok) right++;
            else confusions.merge(label + " -> " + result.top().intent().key(), 1, Integer::sum);
            if (!ok || args.length > 1) {
                System.out.printf("%s %-16s got %-16s %.3f | %-16s %.3f | %s%n", ok ? "ok " : "BAD", label, result.top().intent().key(),
                        result.top().score(), result.second().intent().key(), result.second().score(), masked);
            }
        }
        System.out.printf("%n%d/%d = %.1f%%%n", right, total, 100.0 * right / total);
        confusions.forEach((k, v) -> System.out.println("  " + v + "  " + k));
    }

    static String mask(String text) {
        List<Span> info = new ArrayList<>(TextScan.contactInfo(text));
        String masked = Masking.mask(text, info);
        masked = NAMES.matcher(masked).replaceAll("Jane Doe").replace("Jane Doe@", "jane@");
        masked = COMPANIES.matcher(masked).replaceAll("Acme").replace("@Acme.com", "@acme.com").replace(" Acme.com", " acme.com");
        return MEMBERS.matcher(masked).replaceAll("Sam");
    }

    static String label(JsonNode c) {
        JsonNode expect = c.get("expect");
        String id = c.get("id").asText();
        if (expect.has("writes") && expect.get("writes").size() > 0) {
            String tool = expect.get("writes").get(0).get("tool").asText().split("\\|")[0];
            return TOOL.get(tool);
        }
        if (expect.has("reads") && expect.get("reads").size() > 0) {
            String tool = expect.get("reads").get(0).get("tool").asText().split("\\|")[0];
            if (tool.equals("findDeals") && expect.get("reads").get(0).path("args").has("closing")) return "deals_closing";
            return TOOL.get(tool);
        }
        if (id.matches("hi|hey-there|good-morning|hello-name|issue-hi-there")) return "greet";
        if (id.matches("what-can-you-do|help-new|capabilities|help-examples|issue-what-can")) return "help";
        if (id.matches("thanks|cheers")) return "thanks";
        if (id.startsWith("unknown")) return "unknown";
        return null;
    }
}
