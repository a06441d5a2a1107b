package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.user.UserRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tenant's Slack administration: connecting the workspace of the tenant's own Slack app (its bot
 * token is checked with Slack before anything is stored, sealed), disconnecting it, and linking Slack
 * users to CRM users by hand. Admins only; every change is audited.
 */
public final class SlackIntegration {
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,20}");

    private final SlackWorkspaces workspaces;
    private final SlackUserLinks links;
    private final UserRepository users;
    private final SlackLinkCodes codes;
    private final SlackApi api;
    private final AuditTrail audit;

    public SlackIntegration(SlackWorkspaces workspaces, SlackUserLinks links, UserRepository users,
                            SlackLinkCodes codes, SlackApi api, AuditTrail audit) {
        this.workspaces = workspaces;
        this.links = links;
        this.users = users;
        this.codes = codes;
        this.api = api;
        this.audit = audit;
    }

    public SlackConnection status(Actor actor) {
        Permissions.requireAdmin(actor, "see the Slack settings");
        return workspaces.connection(actor.tenant());
    }

    public SlackConnection connect(Actor actor, String botToken, String signingSecret) {
        Permissions.requireAdmin(actor, "connect Slack");
        Map<String, String> problems = new LinkedHashMap<>();
        if (botToken == null || !botToken.strip().startsWith("xoxb-")) {
            problems.put("botToken", "must be the app's Bot User OAuth Token (starts with xoxb-)");
        }
        // Slack issues letters and digits (its own documented example, 8f742231b10e8888abcd99yyyzzz85a5, is not hex).
        if (signingSecret == null || !signingSecret.strip().matches("[0-9A-Za-z]{16,128}")) {
            problems.put("signingSecret", "must be the app's Signing Secret (16 or more letters and digits, from Basic"
                    + " Information)");
        }
        if (!problems.isEmpty()) {
            throw new CrmException(ErrorCode.VALIDATION, "The Slack credentials are not valid", problems);
        }
        SlackApi.Identity identity;
        try {
            identity = api.authTest(botToken.strip());
        } catch (SlackApiException e) {
            if (e.error().equals("unreachable")) {
                throw new CrmException(ErrorCode.UNAVAILABLE, "Slack could not be reached; try again in a moment");
            }
            throw new CrmException(ErrorCode.VALIDATION, "Slack refused the bot token",
                    Map.of("botToken", "Slack answered " + e.error()));
        }
        if (workspaces.takenByAnother(actor.tenant(), identity.teamId())) {
            throw CrmException.conflict("This Slack workspace is already connected to another CRM account",
                    Map.of("teamId", identity.teamId()));
        }
        String previousTeam = workspaces.connection(actor.tenant()).teamId();
        workspaces.save(actor.tenant(), identity, botToken.strip(), signingSecret.strip(), actor.userId());
        // Links name members of the workspace they were made in; another workspace starts over.
        if (previousTeam != null && !previousTeam.equals(identity.teamId())) links.forgetAll(actor.tenant());
        audit.record(actor, "slack.connect", "slack_workspace", null,
                Map.of("teamId", identity.teamId(), "teamName", identity.teamName()));
        return workspaces.connection(actor.tenant());
    }

    public void disconnect(Actor actor) {
        Permissions.requireAdmin(actor, "disconnect Slack");
        if (!workspaces.delete(actor.tenant())) throw CrmException.notFound("Slack workspace");
        links.forgetAll(actor.tenant());
        audit.record(actor, "slack.disconnect", "slack_workspace", null, Map.of());
    }

    public List<SlackUserLink> links(Actor actor) {
        Permissions.requireAdmin(actor, "see who is linked in Slack");
        return links.list(actor.tenant());
    }

    public SlackUserLink link(Actor actor, String slackUserId, UUID userId) {
        Permissions.requireAdmin(actor, "link Slack users");
        if (slackUserId == null || !SLACK_USER.matcher(slackUserId).matches()) {
            throw CrmException.invalid("slackUserId",
                    "must be a Slack member ID such as U0123ABCD (profile → Copy member ID)");
        }
        if (userId == null) throw CrmException.invalid("userId", "is required");
        if (users.find(actor.tenant(), userId).isEmpty()) throw CrmException.notFound("User");
        SlackUserLink link = links.link(actor.tenant(), slackUserId, userId, "admin");
        audit.record(actor, "slack.link", "user", userId, Map.of("slackUserId", slackUserId));
        return link;
    }

    /** A signed-in user links the Slack account the bot showed this code to, as themselves. */
    public SlackUserLink confirm(Actor actor, String code) {
        if (actor.userId() == null) {
            throw CrmException.forbidden("Linking Slack needs a user; this credential has none");
        }
        String slackUserId = codes.redeem(actor.tenant(), code).orElseThrow(() -> CrmException.invalid("code",
                "is not a valid code, or it expired: mention the bot in Slack to get a new one"));
        SlackUserLink link = links.link(actor.tenant(), slackUserId, actor.userId(), "confirmed");
        audit.record(actor, "slack.link", "user", actor.userId(),
                Map.of("slackUserId", slackUserId, "method", "confirmed"));
        return link;
    }

    public void unlink(Actor actor, String slackUserId) {
        Permissions.requireAdmin(actor, "unlink Slack users");
        SlackUserLink link = links.find(actor.tenant(), slackUserId)
                .orElseThrow(() -> CrmException.notFound("Slack link"));
        links.unlink(actor.tenant(), slackUserId);
        audit.record(actor, "slack.unlink", "user", link.userId(), Map.of("slackUserId", slackUserId));
    }
}
