package be.ocmw.merge.reporting;

import be.ocmw.merge.finding.Severity;
import be.ocmw.merge.merger.History;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads exists in Dutch and in French: the two bundles have the same keys, every key a page names
 * is in them, and so is every key a page or report makes of a status, a severity, an action, a count or an event.
 */
class MessageBundlesTests {

    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]|t\\.text\\('([A-Za-z0-9_.]+)'\\)");

    @Test
    void theDutchAndTheFrenchBundleHaveTheSameKeys() throws IOException {
        Set<String> dutch = keys("messages/report.properties");
        Set<String> french = keys("messages/report_fr.properties");

        assertThat(difference(dutch, french)).as("in Dutch, not in French").isEmpty();
        assertThat(difference(french, dutch)).as("in French, not in Dutch").isEmpty();
    }

    @Test
    void everyKeyAPageNamesIsInTheBundles() throws IOException {
        Set<String> dutch = keys("messages/report.properties");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!dutch.contains(key)) {
                        missing.add(template.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStatusSeverityActionCountAndEventHasItsWords() throws IOException {
        List<String> expected = new ArrayList<>();
        for (StoredPlans.Standing.Status status : StoredPlans.Standing.Status.values()) {
            expected.add("web.status." + status);
        }
        for (PlanStatus status : PlanStatus.values()) {
            expected.add("status." + status);
        }
        for (Severity severity : Severity.values()) {
            expected.add("group." + severity);
        }
        for (MergerPlan.TargetAccount.Action action : MergerPlan.TargetAccount.Action.values()) {
            expected.add("action." + action);
        }
        for (Count count : Count.values()) {
            expected.add("count." + count.qualifiedKey());
        }
        for (History.Kind kind : History.Kind.values()) {
            expected.add("web.history.kind." + kind);
        }
        for (Severity severity : Severity.values()) {
            expected.add("severity." + severity);
        }
        for (be.ocmw.merge.domain.AccountStatus status : be.ocmw.merge.domain.AccountStatus.values()) {
            expected.add("account.status." + status);
        }
        for (org.springframework.batch.core.BatchStatus status : org.springframework.batch.core.BatchStatus.values()) {
            expected.add("web.batch.status." + status);
        }
        for (be.ocmw.merge.reconciliation.Drift.Code drift : be.ocmw.merge.reconciliation.Drift.Code.values()) {
            expected.addAll(List.of("drift." + drift + ".title", "drift." + drift, "drift." + drift + ".corrected",
                    "drift." + drift + (drift.additive() ? ".todo.safe" : ".todo")));
        }
        for (String bundle : List.of("messages/report.properties", "messages/report_fr.properties")) {
            assertThat(keys(bundle)).as(bundle).containsAll(expected);
        }
    }

    @Test
    void everyReasonTheCodeGivesHasItsWordsInDutchFrenchAndEnglish() throws IOException {
        // the keys the code names literally: Reason.of("key", …) and item.reject(COLUMN, "key", …)
        Pattern literal = Pattern.compile("(?:Reason\\.of\\(|reject\\([A-Za-z_.()]+, )\"([a-z_]+(?:\\.[a-z_]+)*)\"");
        Set<String> named = new TreeSet<>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(java.nio.file.Files.readString(source));
                while (matcher.find()) {
                    named.add("reason." + matcher.group(1));
                }
            }
        }
        // and the ones made of a kind and a problem (InvalidIdentifierException's) or a key and a variant
        for (String kind : List.of("insz", "kbo")) {
            for (String problem : List.of("characters", "length", "check")) {
                named.add("reason." + kind + "." + problem);
            }
        }
        named.removeIf(key -> key.equals("reason.characters") || key.equals("reason.length") || key.equals("reason.check")
                || key.equals("reason.month") || key.equals("reason.start"));
        named.addAll(List.of("reason.insz.month", "reason.kbo.start", "reason.dossier.duplicate.other_file",
                "reason.online.duplicate.other_file", "reason.dossier.duplicate", "reason.online.duplicate",
                "reason.workbook.text", "reason.workbook.not", "reason.header.missing.one", "reason.header.missing.many"));
        assertThat(named).as("the reasons found in the code").hasSizeGreaterThan(60);
        for (String bundle : List.of("messages/report.properties", "messages/report_fr.properties", "messages/report_en.properties")) {
            assertThat(keys(bundle)).as(bundle).containsAll(named);
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
