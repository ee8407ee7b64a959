package be.ocmw.merge.registry;

import be.ocmw.merge.domain.BelgianDates;
import be.ocmw.merge.domain.Readable;
import be.ocmw.merge.domain.EmailAddress;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Language;
import be.ocmw.merge.domain.NisCode;
import be.ocmw.merge.domain.Scenario;
import be.ocmw.merge.registry.RegistryViolation.Rule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a merger registry file strictly (unknown keys are an error: the file is a contract) and checks
 * every invariant of SPEC section 3. It never stops at the first problem: the result lists them all.
 */
public final class RegistryLoader {

    private static final Set<String> ROOT_KEYS = Set.of("mergers");
    private static final Set<String> MERGER_KEYS =
            Set.of("id", "name", "scenario", "effective", "deadline", "target", "participants", "language", "notify");
    private static final Set<String> OCMW_KEYS = Set.of("name", "kbo", "nis", "contact");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<RegistryViolation> violations = new ArrayList<>();
    private String currentMerger;

    private RegistryLoader() {
    }

    public static RegistryResult load(Path file) {
        return new RegistryLoader().read(file);
    }

    private RegistryResult read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return refused(file, "the registry file does not exist (give another one with --registry FILE)");
        } catch (IOException e) {
            return refused(file, "the registry file cannot be read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            violations.add(new RegistryViolation(null, Rule.YAML_SYNTAX,
                    "this is not valid YAML: " + e.getProblem(), line));
            return new RegistryResult(file, List.of(), violations);
        } catch (YAMLException e) {
            violations.add(new RegistryViolation(null, Rule.YAML_SYNTAX, "this is not valid YAML: " + e.getMessage(), 0));
            return new RegistryResult(file, List.of(), violations);
        }
        List<Merger> mergers = readRoot(root);
        checkAcrossMergers(mergers);
        return new RegistryResult(file, violations.isEmpty() ? mergers : List.of(), violations);
    }

    private RegistryResult refused(Path file, String message) {
        return new RegistryResult(file, List.of(), List.of(new RegistryViolation(null, Rule.FILE_UNREADABLE, message, 0)));
    }

    private List<Merger> readRoot(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            violation(Rule.MISSING_KEY, "the file must start with 'mergers:' followed by a list of mergers", root);
            return List.of();
        }
        Map<String, Node> keys = keys(mapping, ROOT_KEYS, "the file");
        Node list = keys.get("mergers");
        if (list == null) {
            violation(Rule.MISSING_KEY, "the file has no 'mergers:' list", root);
            return List.of();
        }
        if (!(list instanceof SequenceNode sequence)) {
            violation(Rule.INVALID_VALUE, "'mergers' must be a list (each merger starting with '- id: ...')", list);
            return List.of();
        }
        List<Merger> mergers = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            Merger merger = readMerger(item);
            if (merger != null) {
                mergers.add(merger);
            }
        }
        currentMerger = null;
        return mergers;
    }

    private Merger readMerger(Node node) {
        currentMerger = null;
        if (!(node instanceof MappingNode mapping)) {
            violation(Rule.INVALID_VALUE, "each merger must be a mapping with id, name, scenario, effective, "
                    + "deadline, target and participants", node);
            return null;
        }
        currentMerger = idOf(mapping);
        Map<String, Node> keys = keys(mapping, MERGER_KEYS, "a merger");
        String id = scalar(keys, "id", mapping);
        if (id != null) {
            currentMerger = id;
            if (!SLUG.matcher(id).matches()) {
                violation(Rule.INVALID_VALUE, "the id '" + Readable.shorten(id) + "' must be a slug: lower-case letters, digits "
                        + "and single dashes (e.g. beveren-kruibeke-zwijndrecht)", keys.get("id"));
            }
        }
        int before = violations.size();
        String name = scalar(keys, "name", mapping);
        Scenario scenario = value(keys, "scenario", mapping, Rule.INVALID_VALUE,
                text -> Scenario.parse(text).orElseThrow(() -> new IllegalArgumentException(
                        "scenario '" + Readable.shorten(text) + "' must be 1 (NEW_KBO_NEW_NIS), 2 (KEEP_KBO_NEW_NIS) or 3 (KEEP_KBO_KEEP_NIS)")));
        LocalDate effective = date(keys, "effective", mapping);
        LocalDate deadline = date(keys, "deadline", mapping);
        Ocmw target = keys.containsKey("target") ? readOcmw(keys.get("target"), "the target") : null;
        if (!keys.containsKey("target")) {
            violation(Rule.MISSING_KEY, "the merger has no 'target' (the merged OCMW)", mapping);
        }
        List<Ocmw> participants = readParticipants(keys, mapping);
        Language language = keys.containsKey("language") ? value(keys, "language", mapping, Rule.INVALID_VALUE,
                text -> Language.parse(text).orElseThrow(() -> new IllegalArgumentException("language '"
                        + Readable.shorten(text) + "' must be nl or fr (what the merger's coordinators read)"))) : Language.DUTCH;
        List<EmailAddress> notify = readNotify(keys.get("notify"));
        if (violations.size() > before || id == null || participants == null) {
            return null;
        }
        Merger merger = new Merger(id, name, scenario, effective, deadline, target, participants, language, notify);
        checkScenario(merger, keys.get("target"), keys.get("deadline"));
        return merger;
    }

    private List<Ocmw> readParticipants(Map<String, Node> keys, MappingNode merger) {
        Node node = keys.get("participants");
        if (node == null) {
            violation(Rule.MISSING_KEY, "the merger has no 'participants' list", merger);
            return null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            violation(Rule.INVALID_VALUE, "'participants' must be a list of OCMWs", node);
            return null;
        }
        List<Ocmw> participants = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            Ocmw participant = readOcmw(item, "a participant");
            if (participant != null) {
                participants.add(participant);
            }
        }
        if (sequence.getValue().size() < 2) {
            violation(Rule.TOO_FEW_PARTICIPANTS, "a merger needs at least two participants, this one has "
                    + sequence.getValue().size(), node);
        }
        if (participants.size() != sequence.getValue().size()) {
            return null;
        }
        Set<Kbo> seen = new LinkedHashSet<>();
        List<EmailAddress> contacts = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            if (!seen.add(participants.get(i).kbo())) {
                violation(Rule.DUPLICATE_PARTICIPANT, "KBO " + participants.get(i).kbo()
                        + " is listed twice among the participants", sequence.getValue().get(i));
            }
            EmailAddress contact = participants.get(i).contact();
            if (contact != null) {
                if (contacts.stream().anyMatch(contact::sameAs)) {
                    violation(Rule.INVALID_EMAIL, "the contact " + contact + " is given for two participants: each OCMW "
                            + "gets its own workbook", sequence.getValue().get(i));
                }
                contacts.add(contact);
            }
        }
        return participants;
    }

    /** {@code notify:} a list of e-mail addresses, each once; absent or empty: nobody is told. */
    private List<EmailAddress> readNotify(Node node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            violation(Rule.INVALID_VALUE, "'notify' must be a list of e-mail addresses, e.g. [coordinator@vlaanderen.be, "
                    + "htb@ocmw.be]", node);
            return List.of();
        }
        List<EmailAddress> addresses = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                violation(Rule.INVALID_EMAIL, "each address of 'notify' must be a single value", item);
                continue;
            }
            try {
                EmailAddress address = EmailAddress.parse(scalar.getValue());
                if (addresses.stream().anyMatch(address::sameAs)) {
                    violation(Rule.INVALID_EMAIL, "the address " + address + " is listed twice in 'notify'", item);
                } else {
                    addresses.add(address);
                }
            } catch (IllegalArgumentException e) {
                violation(Rule.INVALID_EMAIL, "in 'notify': " + e.getMessage(), item);
            }
        }
        return addresses;
    }

    private Ocmw readOcmw(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            violation(Rule.INVALID_VALUE, what + " must be written as { name: ..., kbo: \"...\", nis: \"...\" }", node);
            return null;
        }
        int before = violations.size();
        Map<String, Node> keys = keys(mapping, OCMW_KEYS, what);
        String name = scalar(keys, "name", mapping);
        Kbo kbo = value(keys, "kbo", mapping, Rule.INVALID_KBO, Kbo::parse);
        NisCode nis = value(keys, "nis", mapping, Rule.INVALID_NIS, NisCode::parse);
        EmailAddress contact = keys.containsKey("contact")
                ? value(keys, "contact", mapping, Rule.INVALID_EMAIL, EmailAddress::parse) : null;
        return violations.size() > before ? null : new Ocmw(name, kbo, nis, contact);
    }

    /** The merger's id as written, so that even its first violations can name it. */
    private static String idOf(MappingNode merger) {
        for (NodeTuple tuple : merger.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("id")
                    && tuple.getValueNode() instanceof ScalarNode value && !value.getValue().isBlank()) {
                return value.getValue().trim();
            }
        }
        return null;
    }

    /** Scenario rules are reported at the target, where they are fixed; the deadline rule at the deadline. */
    private void checkScenario(Merger merger, Node at, Node deadlineNode) {
        List<Ocmw> participants = merger.participants();
        Ocmw target = merger.target();
        long sameKbo = participants.stream().filter(p -> p.kbo().equals(target.kbo())).count();
        boolean nisOfAParticipant = participants.stream().anyMatch(p -> p.nis().equals(target.nis()));
        switch (merger.scenario()) {
            case NEW_KBO_NEW_NIS -> {
                if (sameKbo > 0) {
                    violation(Rule.SCENARIO_1_TARGET_KBO_NOT_NEW, "scenario 1 creates a new organisation, but target KBO "
                            + target.kbo() + " is a participant's KBO", at);
                }
                if (nisOfAParticipant) {
                    violation(Rule.SCENARIO_1_TARGET_NIS_NOT_NEW, "scenario 1 needs a new NIS code, but target NIS "
                            + target.nis() + " is a participant's NIS code", at);
                }
            }
            case KEEP_KBO_NEW_NIS -> {
                if (sameKbo != 1) {
                    violation(Rule.SCENARIO_2_TARGET_KBO_NOT_A_PARTICIPANT, "scenario 2 keeps the KBO of one "
                            + "participant, but target KBO " + target.kbo() + " is not the KBO of any participant", at);
                }
                if (nisOfAParticipant) {
                    violation(Rule.SCENARIO_2_TARGET_NIS_NOT_NEW, "scenario 2 needs a new NIS code, but target NIS "
                            + target.nis() + " is a participant's NIS code", at);
                }
            }
            case KEEP_KBO_KEEP_NIS -> {
                if (sameKbo != 1) {
                    violation(Rule.SCENARIO_3_TARGET_KBO_NOT_A_PARTICIPANT, "scenario 3 keeps the KBO of one "
                            + "participant, but target KBO " + target.kbo() + " is not the KBO of any participant", at);
                } else {
                    Ocmw retained = merger.retained().orElseThrow();
                    if (!retained.nis().equals(target.nis())) {
                        violation(Rule.SCENARIO_3_TARGET_NIS_NOT_KEPT, "scenario 3 keeps the NIS code of "
                                + retained.name() + " (" + retained.nis() + "), but the target says " + target.nis(), at);
                    }
                }
            }
        }
        if (merger.deadline().isAfter(merger.effectiveDate())) {
            violation(Rule.DEADLINE_AFTER_EFFECTIVE_DATE, "the submission deadline " + merger.deadline()
                    + " is after the effective date " + merger.effectiveDate(), deadlineNode);
        }
    }

    private void checkAcrossMergers(List<Merger> mergers) {
        Map<String, Merger> byId = new LinkedHashMap<>();
        Map<Kbo, String> mergerOfKbo = new LinkedHashMap<>();
        for (Merger merger : mergers) {
            currentMerger = merger.id();
            if (byId.putIfAbsent(merger.id(), merger) != null) {
                violations.add(new RegistryViolation(merger.id(), Rule.DUPLICATE_ID,
                        "the id '" + merger.id() + "' is used by more than one merger", 0));
            }
            Set<Kbo> kbos = new LinkedHashSet<>();
            kbos.add(merger.target().kbo());
            merger.participants().forEach(p -> kbos.add(p.kbo()));
            for (Kbo kbo : kbos) {
                String other = mergerOfKbo.putIfAbsent(kbo, merger.id());
                if (other != null && !other.equals(merger.id())) {
                    violations.add(new RegistryViolation(merger.id(), Rule.KBO_IN_TWO_MERGERS,
                            "KBO " + kbo + " also appears in merger '" + other + "': a KBO takes part in one merger only", 0));
                }
            }
        }
        currentMerger = null;
    }

    private Map<String, Node> keys(MappingNode mapping, Set<String> allowed, String what) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                violation(Rule.UNKNOWN_KEY, "unknown key '" + Readable.shorten(key) + "' in " + what + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")", tuple.getKeyNode());
            } else if (keys.putIfAbsent(key, tuple.getValueNode()) != null) {
                violation(Rule.INVALID_VALUE, "the key '" + key + "' appears twice in " + what, tuple.getKeyNode());
            }
        }
        return keys;
    }

    private String scalar(Map<String, Node> keys, String key, Node parent) {
        Node node = keys.get(key);
        if (node == null) {
            violation(Rule.MISSING_KEY, "'" + key + "' is missing", parent);
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            violation(Rule.INVALID_VALUE, "'" + key + "' must be a single non-empty value", node);
            return null;
        }
        return scalar.getValue().trim();
    }

    private <T> T value(Map<String, Node> keys, String key, Node parent, Rule rule, Function<String, T> parser) {
        String text = scalar(keys, key, parent);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            violation(rule, e.getMessage(), keys.get(key));
            return null;
        }
    }

    private LocalDate date(Map<String, Node> keys, String key, Node parent) {
        // the same years as the dates of every input file: PostgreSQL cannot store year 0
        return value(keys, key, parent, Rule.INVALID_VALUE, text -> BelgianDates.parse(text)
                .filter(BelgianDates::accepted)
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is '" + Readable.shorten(text)
                        + "', which is not a date like 2025-01-01 (years " + BelgianDates.FIRST_YEAR + " to "
                        + BelgianDates.LAST_YEAR + ")")));
    }

    private void violation(Rule rule, String message, Node at) {
        int line = at == null || at.getStartMark() == null ? 0 : at.getStartMark().getLine() + 1;
        violations.add(new RegistryViolation(currentMerger, rule, message, line));
    }
}
