package io.intelligencecrm.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A CSV export of web leads shaped like the public lead-scoring datasets (an online course seller's
 * 9,240 leads): the lead's origin and a source that mostly follows from it, web-visit numbers that
 * are missing together for the same few leads, four activity scores missing together for almost
 * half, drop-downs whose untouched value is "Select", a "last activity" column and a near copy of it,
 * free-text tags, an id-like lead number and near-constant yes/no columns — and a hidden probability
 * of converting per lead. A share of rows carries its outcome in a Stage column (customer or lost);
 * the rest are open leads whose outcome is drawn but kept aside, for a held-out AUC.
 */
public final class LeadCsv {
    private static final String[] ORIGINS = {"Landing Page Submission", "API", "Lead Add Form", "Lead Import", "Quick Add Form"};
    private static final double[] ORIGIN_SHARE = {0.53, 0.39, 0.077, 0.006, 0.001};
    private static final double[] ORIGIN_EFFECT = {-0.2, -0.4, 2.6, -0.6, 1.0};
    private static final String[] ACTIVITIES = {"Email Opened", "SMS Sent", "Olark Chat Conversation", "Page Visited on Website",
            "Converted to Lead", "Email Bounced", "Email Link Clicked", "Form Submitted on Website", "Unreachable"};
    private static final double[] ACTIVITY_EFFECT = {0.3, 1.3, -1.0, -0.3, -0.9, -1.2, 0.0, 0.1, -0.5};
    private static final String[] OCCUPATIONS = {"Unemployed", "Working Professional", "Student", "Other", "Housewife", "Businessman"};
    private static final double[] OCCUPATION_EFFECT = {-0.1, 2.0, -0.3, 0.2, 1.5, 0.5};
    private static final String[] TAGS = {"Will revert after reading the email", "Ringing", "Interested in other courses",
            "Already a student", "Closed by Horizzon", "switched off", "Busy", "Lost to EINS", "Not doing further education",
            "Interested  in full time MBA"};
    private static final double[] TAG_EFFECT = {2.2, -2.5, -2.0, -3.0, 4.0, -2.2, 0.5, 3.0, -3.0, -1.8};
    private static final String[] SPECIALIZATIONS = {"Finance Management", "Human Resource Management", "Marketing Management",
            "Operations Management", "Business Administration", "IT Projects Management", "Supply Chain Management",
            "Banking, Investment And Insurance", "Travel and Tourism", "Media and Advertising"};
    private static final String[] CITIES = {"Mumbai", "Thane & Outskirts", "Other Cities", "Other Cities of Maharashtra",
            "Other Metro Cities", "Tier II Cities"};
    private static final String[] QUALITY = {"Might be", "Not Sure", "High in Relevance", "Worst", "Low in Relevance"};
    private static final double[] QUALITY_EFFECT = {0.4, -0.3, 1.5, -2.5, 0.8};
    private static final String[] LEVELS = {"01.High", "02.Medium", "03.Low"};

    /** @param truth hidden probability of converting, by email; {@code won} the outcome drawn from it */
    public record Generated(String csv, Map<String, Double> truth, Map<String, Boolean> won, List<String> open,
                            List<String> closed) {

        /** The AUC of the hidden probabilities on the given leads' drawn outcomes: the best a model can do. */
        public double optimalAuc(List<String> emails) {
            return SyntheticLeads.hiddenAuc(truth, won, emails);
        }
    }

    private final Random random;

    public LeadCsv(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param extraColumns further attributes beyond the dataset's own (weak signals and noise), to
     *                     reach a wider file; 0 for the dataset's shape
     * @param closedShare  the share of rows whose outcome is recorded
     */
    public Generated generate(int rows, int extraColumns, double closedShare, String emailTag) {
        List<String> header = new ArrayList<>(List.of("Prospect ID", "Lead Number", "Email", "Stage", "Lead Origin",
                "Lead Source", "Do Not Email", "Do Not Call", "TotalVisits", "Total Time Spent on Website",
                "Page Views Per Visit", "Last Activity", "Country", "Specialization", "How did you hear about X Education",
                "What is your current occupation", "What matters most to you in choosing a course", "Search",
                "Newspaper Article", "Through Recommendations", "Tags", "Lead Quality", "Lead Profile", "City",
                "Asymmetrique Activity Index", "Asymmetrique Profile Index", "Asymmetrique Activity Score",
                "Asymmetrique Profile Score", "I agree to pay the amount through cheque",
                "A free copy of Mastering The Interview", "Last Notable Activity"));
        for (int e = 0; e < extraColumns; e++) header.add("Extra Signal " + (e + 1));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        Map<String, Double> truth = new LinkedHashMap<>();
        Map<String, Boolean> won = new LinkedHashMap<>();
        List<String> open = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            double logit = -1.1;
            int origin = pick(ORIGIN_SHARE);
            logit += ORIGIN_EFFECT[origin];
            String source = switch (origin) {
                case 2 -> random.nextDouble() < 0.75 ? "Reference" : "Welingak Website";
                case 1 -> oneOf("Olark Chat", "Google", "Organic Search", "Direct Traffic", "Referral Sites");
                default -> oneOf("Google", "Direct Traffic", "Organic Search", "Referral Sites", "Facebook");
            };
            if (source.equals("Olark Chat")) logit -= 0.4;
            boolean doNotEmail = random.nextDouble() < 0.08;
            if (doNotEmail) logit -= 1.2;
            // Web visits are unknown for a few leads, always all three together; lead add forms never visit.
            boolean visitsKnown = origin != 2 && random.nextDouble() > 0.015;
            double engagement = random.nextGaussian();
            int visits = Math.max(0, (int) Math.round(Math.exp(1.1 + 0.5 * engagement + 0.3 * random.nextGaussian())) - 1);
            double minutes = visits == 0 ? 0 : Math.max(0, Math.exp(5.2 + 0.8 * engagement + 0.6 * random.nextGaussian()));
            double pages = visits == 0 ? 0 : Math.max(1, visits / (1 + random.nextDouble() * 2));
            if (visitsKnown) logit += 0.9 * (Math.log1p(minutes) - 4.5) / 2;
            else logit += 0.9;
            int activity = random.nextInt(ACTIVITIES.length);
            logit += ACTIVITY_EFFECT[activity];
            int occupation = random.nextDouble() < 0.29 ? -1 : pick(new double[] {0.85, 0.1, 0.03, 0.01, 0.005, 0.005});
            if (occupation >= 0) logit += OCCUPATION_EFFECT[occupation];
            int tag = random.nextDouble() < 0.36 ? -1 : random.nextInt(TAGS.length);
            if (tag >= 0) logit += TAG_EFFECT[tag];
            int quality = random.nextDouble() < 0.5 ? -1 : random.nextInt(QUALITY.length);
            if (quality >= 0) logit += QUALITY_EFFECT[quality];
            boolean asymmetriqueKnown = random.nextDouble() > 0.45;
            int activityLevel = random.nextInt(LEVELS.length);
            int profileLevel = random.nextInt(LEVELS.length);
            if (asymmetriqueKnown) logit += 0.4 - 0.4 * activityLevel;
            double[] extra = new double[extraColumns];
            for (int e = 0; e < extraColumns; e++) {
                extra[e] = random.nextGaussian();
                if (e % 3 == 0) logit += 0.15 * extra[e];
            }
            double p = 1 / (1 + Math.exp(-logit));
            boolean converted = random.nextDouble() < p;
            boolean isClosed = random.nextDouble() < closedShare;
            String email = "lead" + r + "." + emailTag + "@learners.example";
            truth.put(email, p);
            won.put(email, converted);
            (isClosed ? closed : open).add(email);

            cells.add(Long.toHexString(random.nextLong()));
            cells.add(String.valueOf(580_000 + r));
            cells.add(email);
            cells.add(isClosed ? (converted ? "customer" : "lost") : "lead");
            cells.add(ORIGINS[origin]);
            cells.add(source);
            cells.add(doNotEmail ? "Yes" : "No");
            cells.add(random.nextDouble() < 0.01 ? "Yes" : "No");
            cells.add(visitsKnown ? String.valueOf(visits) : "");
            cells.add(String.valueOf(Math.round(minutes)));
            cells.add(visitsKnown ? String.format(java.util.Locale.ROOT, "%.2f", pages) : "");
            cells.add(ACTIVITIES[activity]);
            cells.add(random.nextDouble() < 0.27 ? "" : random.nextDouble() < 0.95 ? "India" : oneOf("United States", "United Arab Emirates", "Singapore"));
            cells.add(random.nextDouble() < 0.36 ? "Select" : random.nextDouble() < 0.15 ? "" : SPECIALIZATIONS[random.nextInt(SPECIALIZATIONS.length)]);
            cells.add(random.nextDouble() < 0.55 ? "Select" : random.nextDouble() < 0.5 ? "" : oneOf("Online Search", "Word Of Mouth", "Student of SomeSchool", "Other"));
            cells.add(occupation < 0 ? "" : OCCUPATIONS[occupation]);
            cells.add(occupation < 0 ? "" : "Better Career Prospects");
            cells.add(random.nextDouble() < 0.002 ? "Yes" : "No");
            cells.add(random.nextDouble() < 0.001 ? "Yes" : "No");
            cells.add(random.nextDouble() < 0.001 ? "Yes" : "No");
            cells.add(tag < 0 ? "" : TAGS[tag]);
            cells.add(quality < 0 ? "" : QUALITY[quality]);
            cells.add(random.nextDouble() < 0.45 ? "Select" : random.nextDouble() < 0.5 ? "" : oneOf("Potential Lead", "Other Leads", "Student of SomeSchool", "Lateral Student"));
            cells.add(random.nextDouble() < 0.24 ? "Select" : random.nextDouble() < 0.2 ? "" : CITIES[random.nextInt(CITIES.length)]);
            cells.add(asymmetriqueKnown ? LEVELS[activityLevel] : "");
            cells.add(asymmetriqueKnown ? LEVELS[profileLevel] : "");
            cells.add(asymmetriqueKnown ? String.valueOf(16 - 2 * activityLevel - random.nextInt(2)) : "");
            cells.add(asymmetriqueKnown ? String.valueOf(18 - 2 * profileLevel - random.nextInt(3)) : "");
            cells.add("No");
            cells.add(random.nextDouble() < 0.31 ? "Yes" : "No");
            // Mostly the same as the last activity, with a coarser vocabulary.
            cells.add(random.nextDouble() < 0.8 ? ACTIVITIES[activity] : "Modified");
            for (double value : extra) cells.add(String.format(java.util.Locale.ROOT, "%.3f", value));
            csv.append(String.join(",", cells.stream().map(LeadCsv::quote).toList())).append('\n');
        }
        return new Generated(csv.toString(), truth, won, open, closed);
    }

    private int pick(double[] shares) {
        double roll = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            roll -= shares[i];
            if (roll < 0) return i;
        }
        return shares.length - 1;
    }

    private String oneOf(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
