package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is in the CRM. An explicit link wins; otherwise the address Slack has confirmed
 * for them is matched to an active CRM user of the same tenant, and remembered. Nobody else is
 * anybody: the bot does nothing for them.
 */
public final class SlackIdentities {
    private static final Logger log = LoggerFactory.getLogger(SlackIdentities.class);

    private final SlackUserLinks links;
    private final UserRepository users;
    private final SlackApi api;

    public SlackIdentities(SlackUserLinks links, UserRepository users, SlackApi api) {
        this.links = links;
        this.users = users;
        this.api = api;
    }

    public Optional<Actor> actorFor(SlackWorkspace workspace, String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) return Optional.empty();
        Optional<SlackUserLink> link = links.find(workspace.tenant(), slackUserId);
        if (link.isPresent()) {
            return users.find(workspace.tenant(), link.get().userId()).filter(User::active)
                    .map(user -> actor(workspace, user));
        }
        Optional<String> email;
        try {
            email = api.verifiedEmail(workspace.botToken(), slackUserId);
        } catch (SlackApiException e) {
            log.warn("Could not look up Slack user {} in {}: {}", slackUserId, workspace.teamId(), e.error());
            return Optional.empty();
        }
        Optional<User> user = email.flatMap(address -> users.findByEmail(workspace.tenant(), address))
                .filter(User::active);
        user.ifPresent(found -> links.link(workspace.tenant(), slackUserId, found.id(), "email"));
        return user.map(found -> actor(workspace, found));
    }

    private static Actor actor(SlackWorkspace workspace, User user) {
        return Actor.user(workspace.tenant(), user.id(), user.role());
    }
}
