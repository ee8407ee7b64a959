package be.ocmw.merge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owner, and a module's SQL names only its own tables and what another module offers to it
 * (docs/architecture.md, the table "The modules"): the boundary that matters in an engine whose logic is largely SQL.
 * The owners are read from the architecture page, so the page a newcomer reads is the one the test holds the code to.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/be/ocmw/merge");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

    /** A row of the modules table: | `module` | what | owns | offers |. */
    private static final Pattern MODULE_ROW = Pattern.compile("^\\| `([a-z]+)` \\|[^|]*\\|([^|]*)\\|([^|]*)\\|\\s*$");
    private static final Pattern NAME = Pattern.compile("`([a-z_0-9]+)`");
    private static final Pattern CREATED = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([A-Za-z_0-9]+)",
            Pattern.CASE_INSENSITIVE);
    /** Where SQL names a relation: after from, join, into, update, table, exists, truncate, analyze, using. */
    private static final Pattern NAMED = Pattern.compile(
            "\\b(?:from|join|into|update|table|truncate|analyze|using)\\s+(?:only\\s+)?([A-Za-z_][A-Za-z_0-9]*)\\b",
            Pattern.CASE_INSENSITIVE);

    record Owners(Map<String, String> owner, Map<String, Set<String>> offered, List<String> problems) {
    }

    @Test
    void everyTableOfTheSchemaHasExactlyOneOwnerOnTheArchitecturePage() throws IOException {
        Owners owners = owners();
        Set<String> created = created();

        assertThat(owners.problems()).as("tables given two owners on " + ARCHITECTURE).isEmpty();
        assertThat(new TreeSet<>(created)).as("tables and views of the migrations without an owner on " + ARCHITECTURE)
                .allSatisfy(table -> assertThat(owners.owner()).containsKey(table));
        Set<String> stale = new TreeSet<>(owners.owner().keySet());
        stale.removeAll(created);
        stale.remove("flyway_schema_history");
        assertThat(stale).as("owners on " + ARCHITECTURE + " of tables no migration creates").isEmpty();
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTablesAndWhatOthersOfferIt() throws IOException {
        Owners owners = owners();

        List<String> crossings = crossings(owners);

        assertThat(crossings).as("SQL naming another module's table (own it, ask its owner's API, or have the owner "
                + "offer it on " + ARCHITECTURE + ")").isEmpty();
    }

    /** Every place a module's SQL names a table another module owns and does not offer. */
    static List<String> crossings(Owners owners) throws IOException {
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = withoutComment(lines.get(i));
                    Matcher named = NAMED.matcher(code);
                    while (named.find()) {
                        String table = named.group(1).toLowerCase(Locale.ROOT);
                        String owner = owners.owner().get(table);
                        if (owner != null && !owner.equals(module)
                                && !owners.offered().getOrDefault(owner, Set.of()).contains(table)) {
                            crossings.add(file + ":" + (i + 1) + ": module " + module + " names table " + table
                                    + ", which module " + owner + " owns");
                        }
                    }
                }
            }
        }
        return crossings;
    }

    /** A line without what a comment says (javadoc, block and line comments); SQL's own "--" comments too. */
    private static String withoutComment(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//") || trimmed.startsWith("--")) {
            return "";
        }
        int comment = line.indexOf("// ");
        return comment >= 0 && line.lastIndexOf('"', comment) < 0 ? line.substring(0, comment) : line;
    }

    static Owners owners() throws IOException {
        Map<String, String> owner = new HashMap<>();
        Map<String, Set<String>> offered = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8)) {
            Matcher row = MODULE_ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String module = row.group(1);
            Matcher owned = NAME.matcher(row.group(2));
            while (owned.find()) {
                String before = owner.put(owned.group(1), module);
                if (before != null && !before.equals(module)) {
                    problems.add(owned.group(1) + ": " + before + " and " + module);
                }
            }
            Matcher offers = NAME.matcher(row.group(3));
            while (offers.find()) {
                offered.computeIfAbsent(module, m -> new HashSet<>()).add(offers.group(1));
            }
        }
        assertThat(owner).as("the modules table of " + ARCHITECTURE).isNotEmpty();
        return new Owners(owner, offered, problems);
    }

    private static Set<String> created() throws IOException {
        Set<String> created = new HashSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher matcher = CREATED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return created;
    }
}
