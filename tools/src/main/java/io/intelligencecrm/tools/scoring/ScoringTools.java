package io.intelligencecrm.tools.scoring;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.scoring.RankedLead;
import io.intelligencecrm.scoring.ScoreCard;
import io.intelligencecrm.scoring.ScoreDrop;
import io.intelligencecrm.scoring.ScoredLead;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Lead scores for the agent: score the user's leads, explain one score from its stored evidence,
 * the best leads to call and the ones that dropped. Scores are derived data, so every role may ask.
 */
public final class ScoringTools {
    private static final List<String> LEAD_COLUMNS = List.of("id", "name", "company", "stage", "score", "last touch",
            "top reason");

    private final CrmServices services;

    public ScoringTools(CrmServices services) {
        this.services = services;
    }

    @Tool("Scores the user's own open leads now (0-100, the chance of winning them) and lists them best first.")
    public TableResult scoreMyLeads(InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        int scored = services.scoring().scoring().scoreLeadsOf(call.actor());
        if (scored == 0) {
            return new TableResult("Your leads by score", LEAD_COLUMNS, List.of(), "table", 0,
                    "You own no open leads (stage lead or qualified), so there was nothing to score.");
        }
        List<RankedLead> best = services.scoring().queries().toCall(call.actor(), true, ToolArguments.MAX_ROWS);
        return leads("Your leads by score", best, call.zone(), "Scored " + scored + " open leads; showing the best "
                + best.size() + " not already contacted today. Ask why one has its score for the evidence.");
    }

    @Tool("Explains a contact's lead score from its stored evidence: the factors with how they move the odds, the most similar"
            + " closed leads with their outcomes, the model's backtest quality and the trend. Scores the contact first"
            + " if it has no score yet. Cite only these facts.")
    public ScoreAnswer explainScore(@P("the contact's id") String contactId, InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        UUID id = ToolArguments.id("contactId", contactId);
        ScoreCard card = services.scoring().queries().card(actor, id);
        ScoredLead latest = card.latest() != null && card.latest().explanation() != null ? card.latest()
                : services.scoring().scoring().score(actor, id);
        var explanation = latest.explanation();
        List<ScoreAnswer.FactorLine> factors = explanation.factors().stream()
                .map(f -> new ScoreAnswer.FactorLine(f.label(), f.effect(), f.contribution(), f.detail())).toList();
        List<ScoreAnswer.SimilarLine> similar = explanation.neighbours().stream()
                .map(n -> new ScoreAnswer.SimilarLine(n.contactId().toString(), n.name(), n.outcome(), n.similarity()))
                .toList();
        return new ScoreAnswer(id.toString(), card.name(), latest.score(), explanation.confidence(),
                explanation.modelVersion(), explanation.rationale(), factors, similar, explanation.quality().auc(),
                trend(card, latest.score(), call.zone()));
    }

    @Tool("Lists the open leads to call today: highest score first, leaving out anyone already contacted in the last"
            + " 24 hours, with the main reason for each score.")
    public TableResult leadsToCall(
            @P(value = "how many, at most 20 (default 10)", required = false) Integer limit,
            @P(value = "true for only the user's own leads", required = false) Boolean onlyMine,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        int rows = limit == null ? 10 : ToolArguments.limit(limit);
        List<RankedLead> best = services.scoring().queries().toCall(call.actor(), Boolean.TRUE.equals(onlyMine), rows);
        return leads("Leads to call today", best, call.zone(), best.isEmpty()
                ? "No scored open leads are waiting for a call; try scoreMyLeads first." : "Highest score first.");
    }

    @Tool("Lists leads whose score dropped over the last days, largest drop first, with what holds each back now.")
    public TableResult scoreDrops(
            @P(value = "the period in days, 1-90 (default 7: this week)", required = false) Integer days,
            @P(value = "true for only the user's own leads", required = false) Boolean onlyMine,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        int period = days == null ? 7 : Math.min(Math.max(days, 1), 90);
        List<ScoreDrop> drops = services.scoring().queries().drops(call.actor(), Duration.ofDays(period),
                Boolean.TRUE.equals(onlyMine), ToolArguments.MAX_ROWS);
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreDrop drop : drops) {
            rows.add(Arrays.asList(drop.contactId().toString(), drop.name(), drop.before(), drop.now(), drop.change(),
                    drop.mainReason()));
        }
        return new TableResult("Leads whose score dropped in the last " + period + " days",
                List.of("id", "name", "before", "now", "change", "main reason"), rows, "table", rows.size(),
                rows.isEmpty() ? "No lead's score dropped in this period." : "Largest drop first.").of("contact");
    }

    private static TableResult leads(String title, List<RankedLead> leads, ZoneId zone, String note) {
        List<List<Object>> rows = new ArrayList<>();
        for (RankedLead lead : leads) {
            rows.add(Arrays.asList(lead.contactId().toString(), lead.name(), lead.company(), lead.stage(), lead.score(),
                    lead.lastTouch() == null ? "never" : LocalDate.ofInstant(lead.lastTouch(), zone).toString(),
                    lead.topReason()));
        }
        return new TableResult(title, LEAD_COLUMNS, rows, "table", rows.size(), note).of("contact");
    }

    private static String trend(ScoreCard card, double now, ZoneId zone) {
        if (card.history().size() < 2) return null;
        ScoreCard.Point earlier = card.history().get(1);
        double change = now - earlier.score();
        String direction = change > 0 ? "up" : change < 0 ? "down" : "unchanged";
        return String.format(Locale.ROOT, "%s from %.0f on %s", direction, earlier.score(),
                LocalDate.ofInstant(earlier.calculatedAt(), zone));
    }
}
