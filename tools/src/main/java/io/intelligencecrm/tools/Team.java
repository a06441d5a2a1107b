package io.intelligencecrm.tools;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tenant's users as the tools show them: by name, and found by email. */
public record Team(Map<UUID, User> byId) {

    public static Team of(UserService users, Actor actor) {
        return new Team(users.list(actor).stream().collect(Collectors.toMap(User::id, Function.identity())));
    }

    public String name(UUID userId) {
        if (userId == null) return null;
        User user = byId.get(userId);
        if (user == null) return null;
        return user.fullName() == null || user.fullName().isBlank() ? user.email() : user.fullName();
    }

    public User byEmail(String field, String email) {
        List<User> active = byId.values().stream().filter(User::active).toList();
        return active.stream().filter(user -> user.email().equalsIgnoreCase(email.trim())).findFirst()
                .orElseThrow(() -> CrmException.invalid(field, "no active user has the email " + email
                        + "; the team is " + active.stream().map(User::email).sorted().collect(Collectors.joining(", "))));
    }
}
