package io.intelligencecrm.core.demo;

import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.company.CompanyRepository;
import io.intelligencecrm.core.company.NewCompany;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactRepository;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.NewContact;
import io.intelligencecrm.core.contact.StageHistory;
import io.intelligencecrm.core.deal.DealRepository;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.NewDeal;
import io.intelligencecrm.core.interaction.InteractionRepository;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.core.interaction.NewInteraction;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Seeds the demo tenant: 3 users of different roles, 40 companies, 200 contacts, 600 interactions
 * and 40 deals. The content is the same on every machine (fixed random seed); dates are relative
 * to the day of seeding so "last week" means something. Every contact has a past that hangs
 * together ({@link DemoStory}): activity before it was won or lost, its stage changes in order,
 * deals opened before they closed. Seeding is all-or-nothing and happens once.
 */
public final class DemoData {
    public static final String SLUG = "demo";
    public static final String DOMAIN = "demo.example";
    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("alex@demo.example", "Alex Morgan", Role.ADMIN, "demo-admin-pass"),
            new DemoLogin("sam@demo.example", "Sam Rivera", Role.MANAGER, "demo-manager-pass"),
            new DemoLogin("jordan@demo.example", "Jordan Lee", Role.REP, "demo-rep-pass"));

    private static final int CONTACTS_PER_COMPANY = 5;
    private static final int INTERACTIONS = 600;
    private static final int DEALS = 40;

    public record DemoLogin(String email, String fullName, Role role, String password) {
    }

    private final TenantDirectory directory;
    private final TenantProvisioning provisioning;
    private final TenantTransactions transactions;
    private final PasswordHasher hasher;
    private final Clock clock;

    public DemoData(TenantDirectory directory, TenantProvisioning provisioning, TenantTransactions transactions,
                    PasswordHasher hasher, Clock clock) {
        this.directory = directory;
        this.provisioning = provisioning;
        this.transactions = transactions;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates the demo tenant unless it exists; returns it either way. */
    public Tenant ensureSeeded() {
        Optional<Tenant> existing = directory.findBySlugOrDomain(SLUG);
        if (existing.isPresent()) return existing.get();
        Tenant tenant = provisioning.create(SLUG, "Demo Sales Co", DOMAIN);
        transactions.useTenant(tenant.tenantId(), handle -> seed(tenant));
        return tenant;
    }

    private void seed(Tenant tenant) {
        var id = tenant.tenantId();
        var users = new UserRepository(transactions);
        var companies = new CompanyRepository(transactions);
        var contacts = new ContactRepository(transactions);
        var interactions = new InteractionRepository(transactions);
        var deals = new DealRepository(transactions);
        Random random = new Random(20261123L);
        Instant now = clock.instant();

        List<User> team = new ArrayList<>();
        for (DemoLogin login : LOGINS) {
            team.add(users.create(id, login.email(), login.fullName(), login.role(), "Europe/London",
                    hasher.hash(login.password())));
        }
        List<User> sellers = team.subList(1, team.size());

        List<Company> companyRows = new ArrayList<>();
        for (DemoCatalog.CompanySeed seed : DemoCatalog.COMPANIES) {
            companyRows.add(companies.create(id, new NewCompany(seed.name(), seed.domain(), seed.industry(),
                    seed.sizeBand(), seed.country(), "https://" + seed.domain(), pick(random, sellers).id(),
                    Map.of())));
        }

        List<Contact> contactRows = new ArrayList<>();
        Map<UUID, Instant> createdAt = new HashMap<>();
        Set<String> usedNames = new HashSet<>();
        for (int c = 0; c < companyRows.size(); c++) {
            Company company = companyRows.get(c);
            DemoCatalog.CompanySeed seed = DemoCatalog.COMPANIES.get(c);
            for (int i = 0; i < CONTACTS_PER_COMPANY; i++) {
                String first;
                String last;
                do {
                    first = pick(random, DemoCatalog.FIRST_NAMES);
                    last = pick(random, DemoCatalog.LAST_NAMES);
                } while (!usedNames.add(first + " " + last));
                boolean freeMail = random.nextInt(10) == 0;
                String email = (first + "." + last).toLowerCase() + "@"
                        + (freeMail ? "gmail.com" : seed.domain());
                Map<String, Object> custom = new LinkedHashMap<>();
                custom.put("employees", 10 + random.nextInt(5000));
                custom.put("plan_interest", pick(random, DemoCatalog.PLANS));
                custom.put("newsletter", random.nextBoolean());
                Instant created = now.minus(Duration.ofHours(1 + random.nextInt(24 * 180)));
                // Drawn in the order they always were, so every machine seeds the same people.
                UUID owner = company.ownerId() != null && random.nextInt(4) > 0 ? company.ownerId()
                        : pick(random, sellers).id();
                String phone = "+1 555 01" + String.format("%02d", random.nextInt(100));
                String title = pick(random, DemoCatalog.TITLES);
                int stageRoll = random.nextInt(100);
                String source = pick(random, DemoCatalog.SOURCES);
                contactRows.add(contacts.create(id, new NewContact(company.id(), owner, first, last, email, phone, title,
                        stage(stageRoll, title, source), source, seed.country(), custom)));
                backdate(id, contactRows.getLast().id(), created);
                createdAt.put(contactRows.getLast().id(), created);
            }
        }

        List<DemoStory> stories = new ArrayList<>();
        for (Contact contact : contactRows) {
            Instant created = createdAt.get(contact.id());
            stories.add(DemoStory.of(contact, created, now, random));
        }
        for (int i = 0; i < INTERACTIONS; i++) {
            DemoStory story = DemoStory.pick(stories, random);
            DemoStory.Touch touch = story.touch(random);
            String content = String.format(pick(random, touch.texts()), 5 + random.nextInt(95));
            String subject = touch.type() == InteractionType.EMAIL ? "Re: " + content.split("[.:?]")[0] : null;
            interactions.create(id, new NewInteraction(story.contact().id(), null, touch.type(), touch.direction(), subject,
                    content, touch.at(), story.contact().ownerId()));
        }

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<StageHistory.Entry> history = new ArrayList<>();
        stories.forEach(story -> history.addAll(story.history()));
        for (int i = 0; i < DEALS; i++) {
            Company company = companyRows.get(i % companyRows.size());
            // Half the companies have a deal with a contact who was won or lost, half an open one.
            boolean closedTurn = i % 2 == 1;
            DemoStory story = stories.subList(i * CONTACTS_PER_COMPANY % stories.size(),
                    i * CONTACTS_PER_COMPANY % stories.size() + CONTACTS_PER_COMPANY).stream()
                    .max(java.util.Comparator.comparingDouble(candidate -> candidate.dealPriority(closedTurn))).orElseThrow();
            DealStage stage = story.dealStage(random);
            BigDecimal amount = BigDecimal.valueOf(5_000L + random.nextInt(50) * 5_000L);
            var deal = deals.create(id, new NewDeal(company.name() + " - " + pick(random, DemoCatalog.DEAL_PRODUCTS),
                    story.contact().id(), company.id(), story.contact().ownerId(), stage, amount,
                    company.name().contains("Nordlicht") || company.name().contains("Monarch") ? "EUR" : "USD",
                    today.plusDays(random.nextInt(120) - 20), stage.closed() ? story.closedAt() : null, null));
            Instant dealCreated = story.dealCreatedAt(random);
            // An open deal entered its stage some time after it was created (a share fixed by its position, so
            // the seeded random sequence, and with it the rest of the demo, stays as it was); a closed one when it closed.
            long openFor = Math.max(1, java.time.Duration.between(dealCreated, now).toHours());
            Instant enteredStage = stage.closed() ? story.closedAt()
                    : dealCreated.plus(java.time.Duration.ofHours(openFor * (i * 37 % 100) / 100));
            transactions.useTenant(id, handle -> handle.createUpdate(
                            "update deals set created_at = :created, stage_changed_at = :entered where id = :id")
                    .bind("created", dealCreated).bind("entered", enteredStage).bind("id", deal.id()).execute());
        }
        transactions.useTenant(id, handle -> StageHistory.replace(handle, history));
    }

    /** Spreads creation times over the past months so lists and "new leads per week" look real. */
    private void backdate(TenantId tenant, UUID contactId, Instant created) {
        transactions.useTenant(tenant, handle -> handle.createUpdate(
                        "update contacts set created_at = :created where id = :id")
                .bind("created", created).bind("id", contactId).execute());
    }

    /** A quarter of contacts are closed; senior buyers and warm sources are won more often, as in real sales. */
    private static LifecycleStage stage(int roll, String title, String source) {
        if (roll < 55) return LifecycleStage.LEAD;
        if (roll < 75) return LifecycleStage.QUALIFIED;
        boolean senior = title.matches("(?i).*\\b(chief|vp|vice|head|director|founder|ceo|cto|cfo)\\b.*");
        boolean warm = source.equals("referral") || source.equals("partner");
        int wonBelow = 90 + (senior ? 5 : -3) + (warm ? 5 : source.equals("outbound") ? -4 : 0);
        return roll < wonBelow ? LifecycleStage.CUSTOMER : LifecycleStage.LOST;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
