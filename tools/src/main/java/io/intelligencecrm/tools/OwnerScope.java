package io.intelligencecrm.tools;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.User;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whose records a read covers: the user's own ("my"), one team member's ("Jordan's"), or everyone's
 * ("our", "the team's"). Every role may read every record, so naming a colleague only narrows.
 *
 * @param ownerId null for everyone's records
 * @param owner   in words for the answer: "you", "Jordan Lee"; null for everyone's
 */
public record OwnerScope(UUID ownerId, String owner) {
    public static final String DESCRIPTION = "whose records: 'me' for the user's own, a team member's name or email "
            + "(e.g. Jordan) for theirs, 'team' or leave out for everyone's";

    private static final OwnerScope EVERYONE = new OwnerScope(null, null);
    private static final Set<String> SELF = Set.of("me", "my", "mine", "myself", "i", "own");
    private static final Set<String> ALL = Set.of("team", "the team", "our", "ours", "us", "we", "everyone",
            "everybody", "all", "anyone", "company", "the company");

    /** From a tool's two owner arguments: the older onlyMine flag and the owner named in words. */
    public static OwnerScope of(CrmServices services, Actor actor, Boolean onlyMine, String owner) {
        OwnerScope named = ToolArguments.given(owner) ? named(services, actor, owner) : EVERYONE;
        if (!Boolean.TRUE.equals(onlyMine)) return named;
        if (named.ownerId() != null && !named.ownerId().equals(actor.userId())) {
            throw CrmException.invalid("owner", "names someone else while onlyMine asks for the user's own records");
        }
        return mine(actor);
    }

    public boolean everyone() {
        return ownerId == null;
    }

    /** A table's title: "Deals", "Your deals", "Jordan Lee's deals". */
    public String title(String records) {
        if (everyone()) return records;
        String owned = ("you".equals(owner) ? "your" : owner + "'s") + " " + records.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(owned.charAt(0)) + owned.substring(1);
    }

    private static OwnerScope mine(Actor actor) {
        if (actor.userId() == null) throw CrmException.invalid("owner", "this caller is not a user, so has no own records");
        return new OwnerScope(actor.userId(), "you");
    }

    private static OwnerScope named(CrmServices services, Actor actor, String owner) {
        String asked = owner.trim().toLowerCase(Locale.ROOT).replaceFirst("['’]s?$", "").trim();
        if (SELF.contains(asked)) return mine(actor);
        if (ALL.contains(asked) || asked.isEmpty()) return EVERYONE;
        // Former colleagues too: their records stay theirs until someone reassigns them.
        List<User> team = services.users().list(actor);
        List<User> found = first(team, user -> user.email().equalsIgnoreCase(asked)
                || lower(user.fullName()).equals(asked));
        if (found.isEmpty()) found = first(team, user -> List.of(lower(user.fullName()).split("\\s+")).contains(asked)
                || user.email().toLowerCase(Locale.ROOT).startsWith(asked + "@"));
        if (found.isEmpty()) found = first(team, user -> lower(user.fullName()).startsWith(asked));
        if (found.size() != 1) {
            throw CrmException.invalid("owner", (found.isEmpty() ? "no team member is called '" : "several team members "
                    + "match '") + owner.trim() + "'; the team is " + team.stream().filter(User::active)
                    .map(OwnerScope::shown).sorted().collect(Collectors.joining(", ")));
        }
        User user = found.getFirst();
        if (user.id().equals(actor.userId())) return mine(actor);
        return new OwnerScope(user.id(), shown(user));
    }

    private static List<User> first(List<User> team, Predicate<User> test) {
        return team.stream().filter(test).toList();
    }

    private static String lower(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    private static String shown(User user) {
        return user.fullName() == null || user.fullName().isBlank() ? user.email() : user.fullName();
    }
}
