package io.intelligencecrm.web.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ stay true to the code: links resolve, variables and commands exist. */
class DocumentationTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");
    private static final Pattern VARIABLE = Pattern.compile("CRM_[A-Z0-9_]*[A-Z0-9]");
    private static final Pattern COMMAND = Pattern.compile("\\./crm ([\\w-]+)(?: ([\\w-]+))?");

    @Test
    void the_readme_is_a_front_door_not_a_manual() {
        long lines = Docs.read(Docs.ROOT.resolve("README.md")).lines().count();
        assertTrue(lines < 150, "README.md has " + lines + " lines; move details into docs/");
    }

    @Test
    void every_relative_link_and_anchor_resolves() {
        List<String> broken = new ArrayList<>();
        for (Path page : Docs.pages()) {
            Matcher link = LINK.matcher(Docs.read(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) continue;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(Docs.name(page) + " -> " + target);
                } else if (target.contains("#") && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(Docs.name(page) + " -> " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void the_configuration_page_lists_exactly_the_variables_the_code_reads() throws IOException {
        Set<String> read = new TreeSet<>();
        for (Path source : mainSources()) {
            String text = Files.readString(source);
            Matcher literal = Pattern.compile("[\"{]" + VARIABLE.pattern()).matcher(text);
            while (literal.find()) read.add(literal.group().substring(1));
        }
        Set<String> documented = new TreeSet<>();
        Matcher variable = VARIABLE.matcher(Docs.read(Docs.ROOT.resolve("docs/operating/configuration.md")));
        while (variable.find()) documented.add(variable.group());
        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(read);
        assertEquals("undocumented: [], no longer read: []", "undocumented: " + undocumented + ", no longer read: " + stale);
    }

    @Test
    void every_crm_command_named_in_the_docs_exists_in_the_launcher() {
        String launcher = Docs.read(Docs.ROOT.resolve("crm"));
        Set<String> commands = caseLabels(launcher, "  ");
        Set<String> benchmarks = caseLabels(launcher, "      ");
        Set<String> unknown = new TreeSet<>();
        for (Path page : Docs.pages()) {
            Matcher command = COMMAND.matcher(Docs.read(page));
            while (command.find()) {
                boolean known = commands.contains(command.group(1)) && (!command.group(1).equals("bench")
                        || command.group(2) == null || benchmarks.contains(command.group(2)));
                if (!known) unknown.add(Docs.name(page) + ": " + command.group());
            }
        }
        assertEquals(Set.of(), unknown);
    }

    /** The launcher's {@code case} labels at one indentation, e.g. "  run)" or "  help|-h|--help)". */
    private static Set<String> caseLabels(String launcher, String indent) {
        Set<String> labels = new TreeSet<>();
        Matcher label = Pattern.compile("(?m)^" + indent + "([\\w|-]+)\\)").matcher(launcher);
        while (label.find()) labels.addAll(List.of(label.group(1).split("\\|")));
        return labels;
    }

    /** Heading ids as GitHub makes them: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(Docs.read(page));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Docs.ROOT)) {
            return files.filter(file -> file.toString().contains("/src/main/"))
                    .filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".xml"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .toList();
        }
    }
}
