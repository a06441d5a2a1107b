package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A new company: its name, and the domain and industry when said ("add company Vertex Labs, vertexlabs.example, Software"). */
final class CompanyFrame {
    private static final Pattern COMMAND = Pattern.compile("(?i)^\\s*(?:(?:please|pls|can\\s+you|could\\s+you)\\s+)?(?:add|create|new|set\\s+up"
            + "|make|register|save)?\\s*(?:(?:a|an|the)\\s+)?(?:new\\s+)?(?:company|account|org(?:anisation|anization)?|business|customer"
            + "\\s+account)\\s*(?:[:,-]|called|named)?\\s*");
    private static final Pattern INDUSTRY = Pattern.compile("(?i)^(?:in\\s+(?:the\\s+)?|industry\\s*:?\\s*|sector\\s*:?\\s*)?(?<industry>[\\p{L}& ]+?)"
            + "(?:\\s+(?:industry|sector|space|company))?$");
    private static final Pattern IN_INDUSTRY = Pattern.compile("(?i)\\s+in\\s+(?:the\\s+)?(?<industry>[\\p{L}& ]+?)(?:\\s+(?:industry|sector|space))?\\s*$");

    private CompanyFrame() {
    }

    static Part create(Reading reading) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String text = reading.text();
        java.util.List<Span> used = new java.util.ArrayList<>(reading.scan().of(Span.Kind.DOMAIN));
        reading.scan().firstValue(Span.Kind.DOMAIN, String.class).ifPresent(domain -> arguments.put("domain", domain));
        String rest = io.intelligencecrm.agent.offline.language.TextScan.without(text, used).replaceAll("[()]", " ");
        Matcher command = COMMAND.matcher(rest);
        if (command.lookingAt()) rest = rest.substring(command.end());
        String[] pieces = rest.split("\\s*[,;]\\s*|\\s+[-–]\\s+");
        String name = Words.tidy(pieces[0]);
        Matcher inIndustry = IN_INDUSTRY.matcher(name);
        String industry = null;
        if (inIndustry.find()) {
            industry = inIndustry.group("industry");
            name = Words.tidy(name.substring(0, inIndustry.start()));
        }
        for (int i = 1; i < pieces.length && industry == null; i++) {
            Matcher said = INDUSTRY.matcher(Words.tidy(pieces[i]));
            if (said.matches() && !said.group("industry").isBlank()) industry = said.group("industry");
        }
        if (name.isEmpty()) return Part.Question.plain("What is the company called? For example \"add company Vertex Labs, vertexlabs.example\".");
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("name", name);
        ordered.putAll(arguments);
        if (industry != null && !industry.isBlank()) ordered.put("industry", Words.capitalised(Words.tidy(industry)));
        return new Part.Steps(Plan.single("create companies", "createCompany", ordered));
    }
}
