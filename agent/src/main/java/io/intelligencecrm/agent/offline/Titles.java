package io.intelligencecrm.agent.offline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Job titles as people write them: "CTO", "Head of IT", "VP of Engineering", "Procurement Manager". */
final class Titles {
    private static final String ROLE = "ceo|cto|cfo|coo|cmo|cro|cio|ciso|cpo|cso|cdo|vp|svp|evp|avp|vice\\s+president|president"
            + "|head|director|manager|engineer|developer|founder|co-?founder|owner|partner|analyst|architect|consultant"
            + "|buyer|specialist|coordinator|officer|administrator|admin|lead|rep|representative|accountant|controller"
            + "|recruiter|designer|scientist|counsel|attorney|lawyer|advisor|adviser|strategist|editor|producer|chair(?:man|woman)?"
            + "|principal|executive|exec|assistant|associate|intern|secretary|treasurer|chief\\s+\\w+\\s+officer|gm|md|pm";
    private static final String LEVEL = "senior|sr\\.?|junior|jr\\.?|chief|lead|principal|global|regional|interim|acting|deputy"
            + "|assistant|associate|executive|general|managing|founding|group|staff|technical|it|sales|marketing|product"
            + "|procurement|purchasing|operations|ops|finance|financial|engineering|hr|people|customer|account|security"
            + "|legal|data|program|project|business|revenue|growth|partnerships|facilities";
    /** A whole phrase that is a title, maybe with "of X" or "at Y" after it. */
    private static final Pattern TITLE = Pattern.compile("(?i)^(?:the\\s+|our\\s+|their\\s+|a\\s+|an\\s+)?(?<title>(?:(?:" + LEVEL
            + ")\\s+){0,3}(?:" + ROLE + ")(?:\\s+(?:of|for)\\s+(?:the\\s+)?[\\p{L}&/ -]{2,40}?)?)(?:\\s+(?:at|@|with|from)\\s+(?<company>.+))?$");

    record Found(String title, String company) {
    }

    private Titles() {
    }

    /** The title a whole phrase gives, with the company it names after "at", or null. */
    static Found in(String phrase) {
        Matcher matcher = TITLE.matcher(phrase.strip());
        if (!matcher.matches()) return null;
        String title = matcher.group("title").strip();
        String company = matcher.group("company") == null ? null : matcher.group("company").strip();
        return new Found(tidy(title), company);
    }

    /** "cto" is written CTO, "head of it" Head of IT; a title typed with capitals stays as typed. */
    static String tidy(String title) {
        if (!title.equals(title.toLowerCase())) return title;
        StringBuilder out = new StringBuilder();
        for (String word : title.split("\\s+")) {
            if (!out.isEmpty()) out.append(' ');
            if (word.matches("(?i)ceo|cto|cfo|coo|cmo|cro|cio|ciso|cpo|cso|cdo|vp|svp|evp|avp|it|hr|gm|md|pm|ops")) {
                out.append(word.toUpperCase());
            } else if (word.matches("of|for|the|and")) {
                out.append(word);
            } else {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
