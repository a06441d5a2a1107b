package io.intelligencecrm.core.company;

import io.intelligencecrm.core.error.CrmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which existing company a typed company name means, so "Jane from Acme, jane@acme.example" joins
 * "Acme Corporation" (domain acme.example) instead of founding a second "Acme". A company is a
 * candidate when its name equals the typed one apart from case, punctuation and legal form ("Acme
 * Inc." for "ACME"), when its name starts with the typed words ("Acme" → "Acme Corporation"), or when
 * its domain starts with the typed name ("acme.example"). The email's domain settles between
 * candidates; several candidates and no domain to tell them apart is a question, not a guess.
 */
final class CompanyMatch {
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "ltd", "llc", "llp", "plc", "corp", "corporation",
            "co", "company", "gmbh", "ag", "sa", "sas", "bv", "nv", "pty", "limited", "incorporated");
    static final int CANDIDATES = 20;

    private CompanyMatch() {
    }

    /** The first word of the typed name, lower-cased: what the candidate query looks for. */
    static String stem(String typed) {
        List<String> words = words(typed);
        return words.isEmpty() ? typed.toLowerCase(Locale.ROOT).strip() : words.getFirst();
    }

    /**
     * @param candidates companies whose name or domain starts with the typed name's first word, and those
     *                   with the email's domain
     * @param emailDomain the new contact's email domain, or null
     * @return the one company meant, empty when none is
     */
    static Optional<Company> choose(String typed, String emailDomain, List<Company> candidates) {
        Optional<Company> exact = candidates.stream().filter(c -> c.name().equalsIgnoreCase(typed.strip())).findFirst();
        if (exact.isPresent()) return exact;
        List<Company> named = candidates.stream().filter(company -> names(typed, company)).toList();
        if (named.isEmpty()) return Optional.empty();
        if (emailDomain != null) {
            Optional<Company> byDomain = named.stream().filter(company -> sameDomain(company.domain(), emailDomain)).findFirst();
            if (byDomain.isPresent()) return byDomain;
        }
        List<Company> sameName = named.stream().filter(company -> core(company.name()).equals(core(typed))).toList();
        if (sameName.size() == 1) return Optional.of(sameName.getFirst());
        if (named.size() == 1) return Optional.of(named.getFirst());
        throw CrmException.invalid("companyName", "\"" + typed.strip() + "\" could be " + named.stream().limit(5)
                .map(Company::name).collect(Collectors.joining(" or ")) + "; give the full company name");
    }

    /** Whether the typed name names this company (see the class comment). */
    static boolean names(String typed, Company company) {
        List<String> typedWords = words(typed);
        if (typedWords.isEmpty()) return false;
        if (core(company.name()).equals(core(typed))) return true;
        List<String> nameWords = words(company.name());
        if (nameWords.size() > typedWords.size() && nameWords.subList(0, typedWords.size()).equals(typedWords)) return true;
        String label = company.domain() == null ? "" : company.domain().toLowerCase(Locale.ROOT).split("\\.")[0];
        return !label.isEmpty() && label.equals(String.join("", core(typed)));
    }

    private static boolean sameDomain(String companyDomain, String emailDomain) {
        if (companyDomain == null) return false;
        String domain = companyDomain.toLowerCase(Locale.ROOT);
        return emailDomain.equals(domain) || emailDomain.endsWith("." + domain);
    }

    /** The name's words without legal forms: "Acme, Inc." → [acme]. */
    private static List<String> core(String name) {
        return words(name).stream().filter(word -> !LEGAL_FORMS.contains(word)).toList();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).toList();
    }

    /** The domain of an email address, lower-cased, or null. */
    static String domainOf(String email) {
        if (email == null) return null;
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
