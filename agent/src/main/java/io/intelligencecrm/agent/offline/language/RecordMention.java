package io.intelligencecrm.agent.offline.language;

import java.util.UUID;

/**
 * A record of the tenant's that some words of the message name, as the records matcher found it.
 *
 * @param kind   contact, company, deal or member (a team member)
 * @param score  how well the words match the record, 0-1
 * @param detail what tells it apart from namesakes: email, company, stage (may be empty)
 * @param recent true when this conversation created or showed the record, which makes it the likelier one
 * @param exact  the words are the whole name or address
 * @param namesakes how many records of this kind the same words match (more than listed, when large)
 */
public record RecordMention(String kind, UUID id, String name, double score, String email, String company,
                            String detail, boolean recent, boolean exact, int namesakes) {

    public static final String CONTACT = "contact";
    public static final String COMPANY = "company";
    public static final String DEAL = "deal";
    public static final String MEMBER = "member";

    public boolean is(String wanted) {
        return kind.equals(wanted);
    }

    public RecordMention notRecent() {
        return new RecordMention(kind, id, name, score, email, company, detail, false, exact, namesakes);
    }

    /** "Jane Doe (Acme, jane@acme.com)": enough to tell namesakes apart in a question. */
    public String described() {
        StringBuilder text = new StringBuilder(name);
        String extra = String.join(", ", java.util.stream.Stream.of(company, email, kind.equals(CONTACT) ? null : detail)
                .filter(part -> part != null && !part.isBlank() && !part.equals(name)).distinct().toList());
        if (!extra.isEmpty()) text.append(" (").append(extra).append(')');
        return text.toString();
    }
}
