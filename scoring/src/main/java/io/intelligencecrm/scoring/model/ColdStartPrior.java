package io.intelligencecrm.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The score before a tenant has enough won and lost leads to learn from: a fixed, readable rule set
 * that starts every lead at {@link #BASE} points and adds or removes points for what usually
 * matters in B2B sales. Scores from it are flagged low confidence.
 */
public final class ColdStartPrior {
    public static final String VERSION = "prior-1";
    /** Below this many closed leads, or fewer than {@link #MIN_EACH} won or lost, the prior is used. */
    public static final int MIN_CLOSED = 30;
    public static final int MIN_EACH = 10;
    static final int BASE = 30;
    private static final Set<String> WARM_SOURCES = Set.of("referral", "partner", "event", "demo request", "inbound");

    private ColdStartPrior() {
    }

    public static boolean enoughToLearn(int closed, int won) {
        return closed >= MIN_CLOSED && won >= MIN_EACH && closed - won >= MIN_EACH;
    }

    public static Prediction predict(LeadFacts lead) {
        List<Factor> factors = new ArrayList<>();
        String seniority = FieldSchema.seniority(lead.title());
        switch (seniority) {
            case "executive", "vice president" -> add(factors, "seniority", "field", "seniority: " + seniority, 15,
                    "decision makers buy more often");
            case "director" -> add(factors, "seniority", "field", "seniority: director", 10, "budget holders buy more often");
            case "manager" -> add(factors, "seniority", "field", "seniority: manager", 5, "close to the decision");
            case "junior" -> add(factors, "seniority", "field", "seniority: junior", -5, "rarely decides");
            default -> { }
        }
        String email = FieldSchema.emailKind(lead.email());
        if (email.equals("business domain")) add(factors, "email", "field", "email address: business domain", 5,
                "a work address signals a company buying");
        if (email.equals("free mail")) add(factors, "email", "field", "email address: free mail", -5,
                "personal addresses convert less often");
        if (lead.source() != null && WARM_SOURCES.contains(lead.source().toLowerCase(Locale.ROOT))) {
            add(factors, "source", "field", "lead source: " + lead.source().toLowerCase(Locale.ROOT), 10,
                    "warm sources convert more often");
        }
        int inbound = (int) lead.engagement("inbound_30d");
        if (inbound > 0) add(factors, "inbound_30d", "engagement", Engagement.describe("inbound_30d") + ": " + inbound,
                Math.min(15, 5 * inbound), "5 points each, at most 15");
        int meetings = (int) lead.engagement("meetings_held");
        if (meetings > 0) add(factors, "meetings_held", "engagement", "meetings held: " + meetings, 10,
                "a meeting shows real interest");
        int deals = (int) lead.engagement("open_deals");
        if (deals > 0) add(factors, "open_deals", "engagement", "open deals: " + deals, 15, "a deal is in progress");
        if (lead.engagement(Engagement.NEVER_TOUCHED) > 0) {
            add(factors, Engagement.NEVER_TOUCHED, "engagement", "no interaction yet", -5, "nobody has talked to them");
        } else if (lead.engagement(Engagement.DAYS_SINCE_LAST_TOUCH) > 90) {
            add(factors, Engagement.DAYS_SINCE_LAST_TOUCH, "engagement", "days since the last interaction: "
                    + (long) lead.engagement(Engagement.DAYS_SINCE_LAST_TOUCH), -10, "gone quiet for over 90 days");
        } else if (lead.engagement(Engagement.DAYS_SINCE_LAST_TOUCH) <= 14) {
            add(factors, Engagement.DAYS_SINCE_LAST_TOUCH, "engagement", "days since the last interaction: "
                    + (long) lead.engagement(Engagement.DAYS_SINCE_LAST_TOUCH), 5, "in touch within two weeks");
        }
        double points = BASE + 100 * factors.stream().mapToDouble(Factor::contribution).sum();
        factors.sort(Comparator.comparingDouble((Factor f) -> Math.abs(f.contribution())).reversed());
        return new Prediction(Math.min(Math.max(points, 1), 99) / 100.0, BASE / 100.0, factors);
    }

    private static void add(List<Factor> factors, String feature, String group, String label, double points,
                            String detail) {
        // The prior thinks in points, not log-odds; contribution carries the same number scaled to 0-1.
        factors.add(new Factor(feature, group, label, points / 100.0,
                String.format(Locale.ROOT, "%+.0f points by the starting rules", points), detail, null));
    }
}
