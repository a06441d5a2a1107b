package io.intelligencecrm.agent.offline;

import io.intelligencecrm.tools.analytics.AnalyticsTools;
import io.intelligencecrm.tools.audience.AudienceTools;
import io.intelligencecrm.tools.company.CompanyReadTools;
import io.intelligencecrm.tools.company.CompanyWriteTools;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.knowledge.KnowledgeTools;
import io.intelligencecrm.tools.outreach.OutreachReadTools;
import io.intelligencecrm.tools.outreach.OutreachWriteTools;
import io.intelligencecrm.tools.scoring.ScoringTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Map;

/** For tuning by hand: each stdin line is a turn over the small directory ("---" starts a new conversation). */
public final class HarnessProbe {
    public static void main(String[] args) throws Exception {
        OfflineModel model = new OfflineModel();
        Directory directory = new Directory();
        directory.contact("Grace Liu", "grace.liu@orbitel.example", "Orbitel");
        directory.contact("Ben Ortiz", "ben@vela.example", "Vela Systems");
        directory.contact("Jane Park", "jane.park@acme.example", "Acme Corporation");
        directory.contact("Jane Morrow", "jane.morrow@globex.example", "Globex");
        directory.contact("Priya Raman", "priya.raman@b.example", "Bexley Bank");
        directory.contact("Priya Shah", "priya.shah@initech.example", "Initech");
        directory.company("Orbitel");
        directory.company("Vela Systems");
        directory.company("Acme Corporation");
        directory.company("Globex");
        directory.deal("Orbitel - Fleet rollout", "proposal");
        directory.deal("Acme Corporation - Renewal", "proposal");
        directory.member("Sam Rivera", "sam@demo.example");
        var tools = java.util.stream.Stream.of(OfflineConversations.specifications(ContactReadTools.class, CompanyReadTools.class,
                DealReadTools.class, AnalyticsTools.class, OutreachReadTools.class, KnowledgeTools.class, ScoringTools.class,
                AudienceTools.class, ContactWriteTools.class, CompanyWriteTools.class, DealWriteTools.class, OutreachWriteTools.class,
                NewTools.class)).flatMap(java.util.List::stream).toList();
        Harness harness = new Harness(model, tools, directory, Map.of());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            if (line.equals("---")) {
                harness = new Harness(model, tools, directory, Map.of());
                System.out.println("----");
                continue;
            }
            Harness.Turn turn = harness.say(line);
            System.out.println("> " + line);
            turn.calls().stream().filter(c -> !c.tool().equals("matchRecords")).forEach(c -> System.out.println("    " + c.tool() + " " + c.arguments()));
            System.out.println("  = " + turn.answer().replace("\n", "\n    "));
        }
    }
}
