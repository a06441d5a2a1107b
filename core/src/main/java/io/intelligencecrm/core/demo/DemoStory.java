package io.intelligencecrm.core.demo;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.StageHistory;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.interaction.Direction;
import io.intelligencecrm.core.interaction.InteractionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One demo contact's past: how interested they were, when they were qualified, when they were won
 * or lost. Interest drives how often they wrote back and met before the decision, so in the demo,
 * as in real sales, engagement before closing predicts winning; customers keep talking to their
 * account manager after the sale, lost leads get the odd check-in — activity the scores must not
 * learn from, and do not.
 */
final class DemoStory {
    private static final List<String> WARM_NOTES = List.of(
            "Asked for pricing for %d seats; wants a quote before the end of the quarter.",
            "Champion is enthusiastic but procurement is slow; suggested a pilot with %d users.",
            "Happy with the trial so far; asked about onboarding and training sessions.",
            "Wants an integration with their ERP; asked whether the API supports webhooks.");
    private static final List<String> COLD_NOTES = List.of(
            "Mentioned budget cuts this year, so any purchase needs CFO sign-off.",
            "Timeline slipped to next quarter because of a reorganisation.",
            "Evaluating two competitors; our AI assistant was the part they liked most.");
    private static final List<String> WARM_EMAILS_IN = List.of(
            "Thanks for the proposal. Could you send the pricing for %d seats and the contract draft?",
            "Quick question: does the product support single sign-on with Okta?",
            "Looping in our IT lead who will run the security review.");
    private static final List<String> COLD_EMAILS_IN = List.of("We're pausing new tools until the budget review next month.");
    private static final List<String> AFTER_WIN = List.of(
            "Quarterly business review: usage up %d%%, wants advanced analytics.",
            "Renewal coming up; wants to add %d more seats if the discount holds.",
            "Workshop on automating follow-ups with workflows.");
    private static final List<String> AFTER_LOSS = List.of(
            "Checking in: any update on the budget decision?",
            "Timeline slipped to next quarter because of a reorganisation.");

    /** An interaction to write. */
    record Touch(InteractionType type, Direction direction, List<String> texts, Instant at) {
    }

    private final Contact contact;
    private final Instant created;
    private final Instant activeUntil;
    private final Instant now;
    private final double interest;
    private final Instant qualifiedAt;
    private final Instant closedAt;

    private DemoStory(Contact contact, Instant created, Instant activeUntil, Instant now, double interest,
                      Instant qualifiedAt, Instant closedAt) {
        this.contact = contact;
        this.created = created;
        this.activeUntil = activeUntil;
        this.now = now;
        this.interest = interest;
        this.qualifiedAt = qualifiedAt;
        this.closedAt = closedAt;
    }

    static DemoStory of(Contact contact, Instant created, Instant now, Random random) {
        LifecycleStage stage = contact.lifecycleStage();
        double interest = switch (stage) {
            case CUSTOMER -> 0.9 + 0.6 * random.nextGaussian();
            case LOST -> -0.7 + 0.6 * random.nextGaussian();
            case QUALIFIED -> 0.3 + 0.8 * random.nextGaussian();
            case LEAD -> -0.2 + 0.9 * random.nextGaussian();
        };
        // Open leads were last touched a day to a week and a half ago: today's calls are still to make.
        Instant quietSince = now.minus(Duration.ofHours(24 + random.nextInt(24 * 9)));
        long lifetime = Math.max(Duration.between(created, now).toMinutes(), 60);
        Instant closedAt = stage == LifecycleStage.CUSTOMER || stage == LifecycleStage.LOST
                ? created.plus(Duration.ofMinutes((long) (lifetime * (0.45 + 0.4 * random.nextDouble())))) : null;
        Instant end = closedAt == null ? (quietSince.isAfter(created) ? quietSince : now) : closedAt;
        boolean qualified = stage == LifecycleStage.QUALIFIED || stage == LifecycleStage.CUSTOMER
                || (stage == LifecycleStage.LOST && random.nextBoolean());
        Instant qualifiedAt = qualified ? created.plus(Duration.between(created, end).multipliedBy(2).dividedBy(5)) : null;
        return new DemoStory(contact, created, end, now, interest, qualifiedAt, closedAt);
    }

    /** A contact for the next interaction: the more interested, the more often. */
    static DemoStory pick(List<DemoStory> stories, Random random) {
        double total = 0;
        for (DemoStory story : stories) total += story.weight();
        double roll = random.nextDouble() * total;
        for (DemoStory story : stories) {
            roll -= story.weight();
            if (roll < 0) return story;
        }
        return stories.getLast();
    }

    private double weight() {
        return Math.exp(0.8 * interest);
    }

    Contact contact() {
        return contact;
    }

    Instant closedAt() {
        return closedAt;
    }

    /**
     * Who of a company gets its deal: on a closed turn its customer, else someone lost after
     * qualifying; on an open turn its most interested open lead. Either way, else the most interested.
     */
    double dealPriority(boolean closedTurn) {
        double stage = switch (contact.lifecycleStage()) {
            case CUSTOMER -> closedTurn ? 3 : -5;
            case LOST -> closedTurn && qualifiedAt != null ? 2 : -5;
            default -> closedTurn ? 0 : 3;
        };
        return stage + interest;
    }

    DealStage dealStage(Random random) {
        return switch (contact.lifecycleStage()) {
            case CUSTOMER -> DealStage.WON;
            case LOST -> DealStage.LOST;
            default -> List.of(DealStage.PROSPECTING, DealStage.QUALIFICATION, DealStage.PROPOSAL, DealStage.NEGOTIATION)
                    .get(random.nextInt(4));
        };
    }

    /** A deal opens after the contact arrived and well before it closes. */
    Instant dealCreatedAt(Random random) {
        return between(created, activeUntil, 0.2 + 0.5 * random.nextDouble());
    }

    /** The next interaction: before the decision mostly (more of it nearer the decision), sometimes after. */
    Touch touch(Random random) {
        boolean after = closedAt != null && random.nextDouble() < 0.2;
        if (after) {
            boolean won = contact.lifecycleStage() == LifecycleStage.CUSTOMER;
            Instant at = between(closedAt, now, random.nextDouble());
            return won ? new Touch(InteractionType.MEETING, Direction.OUTBOUND, AFTER_WIN, at)
                    : new Touch(InteractionType.EMAIL, Direction.OUTBOUND, AFTER_LOSS, at);
        }
        // Activity gathers towards the decision (or towards the last touch of an open lead).
        Instant at = between(created, activeUntil, 1 - Math.pow(random.nextDouble(), 2.5));
        double warmth = 1 / (1 + Math.exp(-interest));
        double roll = random.nextDouble();
        if (roll < 0.1 + 0.3 * warmth) {
            return new Touch(InteractionType.EMAIL, Direction.INBOUND, interest > 0 ? WARM_EMAILS_IN : COLD_EMAILS_IN, at);
        }
        if (roll < 0.15 + 0.45 * warmth) return new Touch(InteractionType.MEETING, Direction.OUTBOUND, DemoCatalog.MEETINGS, at);
        if (roll < 0.45 + 0.2 * warmth) return new Touch(InteractionType.CALL, Direction.OUTBOUND, DemoCatalog.CALLS, at);
        if (roll < 0.75) return new Touch(InteractionType.EMAIL, Direction.OUTBOUND, DemoCatalog.EMAILS_OUT, at);
        return new Touch(InteractionType.NOTE, Direction.INTERNAL, interest > 0 ? WARM_NOTES : COLD_NOTES, at);
    }

    /** The stages in order: a lead at creation, qualified on the way, won or lost at the close. */
    List<StageHistory.Entry> history() {
        List<StageHistory.Entry> entries = new ArrayList<>();
        entries.add(new StageHistory.Entry(contact.id(), LifecycleStage.LEAD, created));
        if (qualifiedAt != null) entries.add(new StageHistory.Entry(contact.id(), LifecycleStage.QUALIFIED, qualifiedAt));
        if (closedAt != null) entries.add(new StageHistory.Entry(contact.id(), contact.lifecycleStage(), closedAt));
        return entries;
    }

    private static Instant between(Instant from, Instant to, double share) {
        long minutes = Math.max(Duration.between(from, to).toMinutes(), 1);
        return from.plus(Duration.ofMinutes(Math.max(1, Math.min(minutes - 1, (long) (minutes * share)))));
    }
}
