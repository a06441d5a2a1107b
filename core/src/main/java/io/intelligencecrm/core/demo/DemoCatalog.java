package io.intelligencecrm.core.demo;

import java.util.List;

/** The raw material of the demo tenant: fictional companies, people and the things sales notes say. */
final class DemoCatalog {
    private DemoCatalog() {
    }

    record CompanySeed(String name, String domain, String industry, String sizeBand, String country) {
    }

    static final List<CompanySeed> COMPANIES = List.of(
            new CompanySeed("Acme Corporation", "acme.example", "Manufacturing", "1000-5000", "US"),
            new CompanySeed("Globex", "globex.example", "Energy", "5000+", "US"),
            new CompanySeed("Initech", "initech.example", "Software", "200-1000", "US"),
            new CompanySeed("Umbrella Health", "umbrella-health.example", "Healthcare", "5000+", "GB"),
            new CompanySeed("Stark Industrial", "stark-industrial.example", "Manufacturing", "1000-5000", "US"),
            new CompanySeed("Wayne Logistics", "wayne-logistics.example", "Logistics", "1000-5000", "US"),
            new CompanySeed("Hooli", "hooli.example", "Software", "5000+", "US"),
            new CompanySeed("Pied Piper", "piedpiper.example", "Software", "11-50", "US"),
            new CompanySeed("Vandelay Imports", "vandelay.example", "Retail", "50-200", "US"),
            new CompanySeed("Soylent Foods", "soylent.example", "Food & Beverage", "1000-5000", "CA"),
            new CompanySeed("Tyrell Systems", "tyrell.example", "Robotics", "200-1000", "JP"),
            new CompanySeed("Cyberdyne Analytics", "cyberdyne.example", "Software", "200-1000", "US"),
            new CompanySeed("Oscorp Labs", "oscorp.example", "Biotech", "1000-5000", "US"),
            new CompanySeed("Nakatomi Trading", "nakatomi.example", "Finance", "1000-5000", "JP"),
            new CompanySeed("Gringotts Finance", "gringotts.example", "Finance", "200-1000", "GB"),
            new CompanySeed("Monarch Retail", "monarch-retail.example", "Retail", "1000-5000", "FR"),
            new CompanySeed("Blue Sun Media", "bluesun.example", "Media", "200-1000", "US"),
            new CompanySeed("Wonka Confectionery", "wonka.example", "Food & Beverage", "200-1000", "GB"),
            new CompanySeed("Aperture Science", "aperture.example", "Research", "200-1000", "US"),
            new CompanySeed("Black Mesa Energy", "blackmesa.example", "Energy", "1000-5000", "US"),
            new CompanySeed("Massive Dynamic", "massive-dynamic.example", "Research", "5000+", "US"),
            new CompanySeed("Dunder Paper", "dunder-paper.example", "Distribution", "50-200", "US"),
            new CompanySeed("Sterling Cooper", "sterling-cooper.example", "Advertising", "200-1000", "US"),
            new CompanySeed("Prestige Worldwide", "prestige-worldwide.example", "Events", "11-50", "US"),
            new CompanySeed("Bluth Homes", "bluth-homes.example", "Real Estate", "50-200", "US"),
            new CompanySeed("Krusty Kitchens", "krusty.example", "Hospitality", "50-200", "US"),
            new CompanySeed("Lunar Freight", "lunar-freight.example", "Logistics", "200-1000", "DE"),
            new CompanySeed("Nordlicht Energie", "nordlicht.example", "Energy", "1000-5000", "DE"),
            new CompanySeed("Fjord Fintech", "fjord-fintech.example", "Finance", "50-200", "NO"),
            new CompanySeed("Saffron Telecom", "saffron-telecom.example", "Telecom", "5000+", "IN"),
            new CompanySeed("Maple Ledger", "maple-ledger.example", "Finance", "200-1000", "CA"),
            new CompanySeed("Coral Reef Travel", "coral-reef.example", "Travel", "50-200", "AU"),
            new CompanySeed("Atlas Robotics", "atlas-robotics.example", "Robotics", "200-1000", "DE"),
            new CompanySeed("Helios Solar", "helios-solar.example", "Energy", "200-1000", "ES"),
            new CompanySeed("Quantum Ledger", "quantum-ledger.example", "Software", "11-50", "NL"),
            new CompanySeed("Verdant Farms", "verdant-farms.example", "Agriculture", "200-1000", "NZ"),
            new CompanySeed("Ironclad Security", "ironclad.example", "Security", "50-200", "US"),
            new CompanySeed("Silverline Insurance", "silverline.example", "Insurance", "1000-5000", "GB"),
            new CompanySeed("Polaris Education", "polaris-edu.example", "Education", "200-1000", "SE"),
            new CompanySeed("Cobalt Mining", "cobalt-mining.example", "Mining", "1000-5000", "CL"));

    static final List<String> FIRST_NAMES = List.of(
            "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Mia", "Mateo", "Amelia", "Levi",
            "Harper", "Ezra", "Evelyn", "Leo", "Abigail", "Hudson", "Emily", "Kai", "Ella", "Aria", "Omar", "Priya",
            "Chen", "Yuki", "Fatima", "Diego", "Ingrid", "Kwame", "Sofia", "Hiroshi", "Aisha", "Marco", "Nadia",
            "Tomas", "Leila", "Rafael", "Zara", "Felix");

    static final List<String> LAST_NAMES = List.of(
            "Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson",
            "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
            "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Hill",
            "Okafor", "Tanaka", "Schmidt", "Rossi", "Kowalski", "Haddad", "Novak", "Silva", "Berg", "Patel");

    static final List<String> TITLES = List.of(
            "VP of Sales", "Head of Operations", "CTO", "Procurement Manager", "Director of IT", "CFO",
            "Marketing Manager", "Sales Operations Lead", "CEO", "Product Manager", "IT Manager",
            "Head of Customer Success", "Operations Analyst", "Chief Revenue Officer", "Engineering Manager");

    static final List<String> SOURCES = List.of("website", "referral", "event", "outbound", "partner", "webinar");

    static final List<String> PLANS = List.of("starter", "growth", "enterprise");

    static final List<String> NOTES = List.of(
            "Asked for pricing for %d seats; wants a quote before the end of the quarter.",
            "Mentioned budget cuts this year, so any purchase needs CFO sign-off.",
            "Interested in the Salesforce migration path; currently on spreadsheets for half the team.",
            "Security review required: sent our SOC 2 report and the data processing agreement.",
            "Wants an integration with their ERP; asked whether the API supports webhooks.",
            "Evaluating two competitors; our AI assistant was the part they liked most.",
            "Timeline slipped to next quarter because of a reorganisation.",
            "Champion is enthusiastic but procurement is slow; suggested a pilot with %d users.",
            "Requested a case study from a company in their industry.",
            "Happy with the trial so far; asked about onboarding and training sessions.",
            "Concerned about data residency in the EU; confirmed we can host in Frankfurt.",
            "Renewal coming up; wants to add %d more seats if the discount holds.");

    static final List<String> CALLS = List.of(
            "Discovery call: current process, pain points with lead follow-up, %d reps on the team.",
            "Demo of the pipeline board and the chat assistant; good questions about reporting.",
            "Pricing call: walked through the growth plan, they asked for an annual discount.",
            "Check-in call: no answer, left a voicemail.",
            "Negotiation call about contract terms and a %d-day payment window.");

    static final List<String> MEETINGS = List.of(
            "On-site meeting with the buying committee; next step is a technical deep dive.",
            "Quarterly business review: usage up %d%%, wants advanced analytics.",
            "Workshop on automating follow-ups with workflows.",
            "Met at the industry conference; exchanged cards and agreed to a demo.");

    static final List<String> EMAILS_IN = List.of(
            "Thanks for the proposal. Could you send the pricing for %d seats and the contract draft?",
            "We're pausing new tools until the budget review next month.",
            "Quick question: does the product support single sign-on with Okta?",
            "Looping in our IT lead who will run the security review.");

    static final List<String> EMAILS_OUT = List.of(
            "Following up on our call with the deck and a summary of next steps.",
            "Sharing the case study we discussed and a proposal for a %d-user pilot.",
            "Checking in: any update on the budget decision?");

    static final List<String> DEAL_PRODUCTS = List.of(
            "Platform licence", "Growth plan", "Enterprise rollout", "Pilot", "Seat expansion", "Renewal",
            "Analytics add-on", "Onboarding package");
}
