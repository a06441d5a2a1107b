package io.intelligencecrm.agent.offline.language;

/** Whose records a question is about: "my deals", "our pipeline", "Jordan's deals". */
public record Scope(Owner owner, String memberName) {

    public enum Owner {
        MINE, TEAM, MEMBER
    }

    public static final Scope MINE = new Scope(Owner.MINE, null);
    public static final Scope TEAM = new Scope(Owner.TEAM, null);

    public boolean mine() {
        return owner == Owner.MINE;
    }
}
