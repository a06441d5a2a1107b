package io.intelligencecrm.scheduler.steps;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.outreach.mail.EmailQueue;
import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Email from a workflow. {@code send_email} queues the mail through the outbox (sent once, suppression
 * and caps checked at delivery): to the owner, or to the triggering contact, which the owner allowed
 * by confirming the workflow. {@code draft_email} instead proposes the mail to the owner, who
 * approves it (in the app or chat) before anything is queued.
 */
public final class EmailSteps {
    private EmailSteps() {
    }

    public static List<StepAction> all(EmailQueue queue, ProposalService proposals) {
        return List.of(new Send(queue), new Draft(proposals));
    }

    record Send(EmailQueue queue) implements StepAction {
        @Override
        public String type() {
            return "send_email";
        }

        @Override
        public StepResult run(StepContext context) {
            String subject = context.render("subject");
            String body = context.render("body");
            String key = context.effectKey(null);
            boolean toOwner = "owner".equals(context.step().text("to"));
            if (toOwner) {
                queue.toUser(context.owner(), context.owner().userId(), subject, body, key);
            } else {
                if (context.contactId() == null) {
                    throw CrmException.invalid("to", "this run is not about a contact to email");
                }
                queue.toContact(context.owner(), context.contactId(), subject, body, key);
            }
            return StepResult.done(Map.of("to", toOwner ? "owner" : context.contactId().toString(),
                    "subject", subject, "outboxKey", key));
        }
    }

    record Draft(ProposalService proposals) implements StepAction {
        @Override
        public String type() {
            return "draft_email";
        }

        @Override
        public StepResult run(StepContext context) {
            if (context.contactId() == null) throw CrmException.invalid("draft_email", "this run is not about a contact");
            String subject = context.render("subject");
            String body = context.render("body");
            UUID sendId = UUID.nameUUIDFromBytes(context.effectKey(null).getBytes(StandardCharsets.UTF_8));
            Proposal proposal = proposals.propose(context.owner(), null, "email.send", Map.of(
                    "sendId", sendId.toString(), "subject", subject, "body", body,
                    "contactIds", List.of(context.contactId().toString())),
                    "Workflow '" + context.workflow().name() + "': email \"" + subject + "\" to "
                            + context.variables().getOrDefault("recordName", "the contact"));
            return StepResult.done(Map.of("proposalId", proposal.id().toString(), "subject", subject,
                    "argumentsHash", proposal.argumentsHash()));
        }
    }
}
