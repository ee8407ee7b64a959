package be.ocmw.merge.explain;

import be.ocmw.merge.access.AccessStory;
import be.ocmw.merge.access.AccessStory.Account;
import be.ocmw.merge.access.AccessStory.Person;
import be.ocmw.merge.audit.AuditTrail;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.dossiers.DossierRef;
import be.ocmw.merge.dossiers.DossierStory;
import be.ocmw.merge.explain.Explanation.Section;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.intake.Designations;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.merger.StoredPlans.Cited;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.reconciliation.ReconciledDrift;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Puts together the explanation of a person or a dossier from what the engine stored, in the reader's language: the
 * merger's latest plan (its fingerprint, approval and apply), the person's accounts domain by domain with the rule
 * behind every attribute of the merged OCMW's account ({@link PersonRules}), the audit rows and what changed since.
 */
@Component
public class Explanations {

    /** How many accounts a search lists. */
    static final int MATCHES = 50;

    private static final Pattern INSZ_LIKE = Pattern.compile("[0-9][0-9 .\\-/]*");

    private final StoredPlans plans;
    private final AccessStory access;
    private final DossierStory dossiers;
    private final Findings findings;
    private final ReconciledDrift drift;
    private final Designations designations;

    Explanations(StoredPlans plans, AccessStory access, DossierStory dossiers, Findings findings, ReconciledDrift drift,
                 Designations designations) {
        this.designations = designations;
        this.plans = plans;
        this.access = access;
        this.dossiers = dossiers;
        this.findings = findings;
        this.drift = drift;
    }

    /** Why the person (or the account) has what they have in the merged OCMW, or will have once the plan is applied. */
    public Explanation person(Merger merger, PersonQuery query, ReportText text) {
        Optional<Cited> cited = plans.cited(merger);
        Long rows = cited.map(Cited::rows).orElse(null);
        Long rowsRun = cited.map(Cited::rowsRun).orElse(null);
        Person person;
        if (query instanceof PersonQuery.ByInsz byInsz) {
            person = access.ofInsz(merger, byInsz.insz(), rows, rowsRun);
            if (!person.found()) {
                return new Explanation(text.get("explain.person.not_found", byInsz.insz().masked(), merger.name(),
                        organisations(merger)), false, List.of());
            }
        } else {
            PersonQuery.ByUsername byUsername = (PersonQuery.ByUsername) query;
            List<Account> found = access.withUsername(merger, byUsername.username(), byUsername.kbo());
            List<String> kbos = found.stream().map(a -> a.organisation() + " (" + a.kbo().formatted() + ")").distinct().toList();
            if (kbos.size() > 1) {
                return new Explanation(text.get("explain.username.ambiguous", shown(byUsername.username()), String.join(", ", kbos)),
                        false, List.of());
            }
            Optional<Insz> insz = found.stream().map(Account::insz).filter(java.util.Objects::nonNull).findFirst();
            if (found.isEmpty() && rows != null) {
                insz = access.plannedInsz(merger, rows, byUsername.username());
            }
            if (insz.isPresent()) {
                person = access.ofInsz(merger, insz.get(), rows, rowsRun);
            } else if (found.isEmpty()) {
                return new Explanation(text.get("explain.username.not_found", shown(byUsername.username()), merger.name(),
                        organisations(merger)), false, List.of());
            } else {
                List<AccessStory.Domain> domains = new ArrayList<>();
                found.forEach(account -> domains.addAll(access.ofAccount(merger, account, rows, rowsRun).domains()));
                person = new Person(null, domains);
            }
        }
        return explain(merger, person, cited.orElse(null), text);
    }

    private Explanation explain(Merger merger, Person person, Cited cited, ReportText text) {
        String name = person.name().orElse("?");
        String title = person.insz() != null
                ? text.get("explain.person.title", name, person.insz().masked(), merger.name())
                : text.get("explain.account.title", name, merger.name());
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(text.get("explain.heading.plan"), planLines(merger, cited, text)));
        List<Finding> planFindings = cited == null ? List.of() : findings.ofPlan(cited.id());
        PersonRules rules = new PersonRules(merger, person, planFindings, designations.cited(merger), text,
                run -> plans.approvalAppliedBy(merger, run));
        for (AccessStory.Domain domain : person.domains()) {
            sections.add(new Section(text.get("explain.heading.accounts", domain.name()), rules.accounts(domain, cited)));
            sections.add(new Section(text.get("explain.heading.why", domain.name()), rules.why(domain, cited)));
            List<String> trail = new ArrayList<>();
            domain.audit().forEach(entry -> trail.add(audit(entry, text)));
            domain.since().forEach(entry -> trail.add(text.get("explain.since.source", entry.action(), entry.run(),
                    entry.command(), ReportText.dateTime(entry.at()))));
            domain.targetUsername().ifPresent(username -> drift.about(merger, List.of(domain.name() + "/" + username),
                            cited == null ? 0 : cited.rowsRun())
                    .forEach(found -> trail.add(text.get("explain.since.drift", ReportText.dateTime(found.at()), found.run(),
                            found.drift().detail(text), found.drift().code().name(),
                            text.get(found.drift().corrected() ? "explain.since.corrected" : "explain.since.open")))));
            if (trail.isEmpty()) {
                trail.add(text.get(cited == null ? "explain.trail.none" : "explain.trail.nothing"));
            }
            sections.add(new Section(text.get("explain.heading.trail", domain.name()), trail));
        }
        return new Explanation(title, true, sections);
    }

    /** Where a dossier went in the merger, or that it is not there. */
    public Explanation dossier(Merger merger, DossierRef ref, ReportText text) {
        Optional<Cited> cited = plans.cited(merger);
        Optional<DossierStory.Explanation> found = dossiers.explain(merger, ref, cited.map(Cited::rows).orElse(null));
        if (found.isEmpty()) {
            return new Explanation(text.get("explain.dossier.not_found", shown(ref.label())), false, List.of());
        }
        DossierStory.Explanation story = found.get();
        String title = story.end() == null
                ? text.get("explain.dossier.title.running", ref.label(), story.type(), ReportText.date(story.start()))
                : text.get("explain.dossier.title", ref.label(), story.type(), ReportText.date(story.start()),
                ReportText.date(story.end()));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(text.get("explain.heading.plan"), planLines(merger, cited.orElse(null), text)));
        sections.add(new Section(text.get("explain.heading.dossier"), story.story().stream().map(text::reason).toList()));
        if (!story.audit().isEmpty()) {
            sections.add(new Section(text.get("explain.heading.audit"), story.audit().stream().map(e -> audit(e, text)).toList()));
        }
        return new Explanation(title, true, sections);
    }

    /** What the dashboard's search box found: an explanation, accounts or dossiers to choose from, or why not. */
    public sealed interface Lookup {

        /** {@code byInsz}: the search was a national number (a consultation); {@code persons} found by it (0 or 1). */
        record Explained(Explanation explanation, boolean byInsz, int persons) implements Lookup {
        }

        record Matches(List<Match> matches, boolean more) implements Lookup {
        }

        record Refused(String message) implements Lookup {
        }
    }

    /**
     * One thing a search found: a person's account ({@code username} and {@code kbo}) or a dossier ({@code dossier}
     * KBO/REFERENCE), with what the reader recognises it by; INSZ masked.
     */
    public record Match(String name, String insz, String organisation, String domain, String username, String kbo,
                        String dossier) {
    }

    /**
     * What somebody typed, as an explanation quotes it back: national numbers in it masked, control characters made
     * visible, a long value cut (its first characters and its length).
     */
    public static String shown(String typed) {
        return be.ocmw.merge.domain.Readable.shorten(be.ocmw.merge.domain.FreeText.shown(typed));
    }

    /** Whether the search box's words are taken for a national number (and so never shown back in full). */
    public static boolean looksLikeInsz(String words) {
        String query = words == null ? "" : words.strip();
        return INSZ_LIKE.matcher(query).matches() && query.chars().filter(Character::isDigit).count() >= 9;
    }

    /** The search box: an INSZ, a dossier reference (with or without its KBO), a username or part of a name. */
    public Lookup lookup(Merger merger, String words, ReportText text) {
        String query = words == null ? "" : words.strip();
        if (query.isEmpty()) {
            return new Lookup.Refused(text.get("explain.search.empty"));
        }
        Optional<be.ocmw.merge.domain.Reason> typed = be.ocmw.merge.domain.FreeText.SEARCH.problem(text.get("web.explain.label"), query);
        if (typed.isPresent()) {
            return new Lookup.Refused(text.reason(typed.get()));
        }
        // KBO/REFERENCE first: a reference of digits would otherwise be read as a national number
        int slash = query.indexOf('/');
        if (slash > 0) {
            try {
                Kbo kbo = Kbo.parse(query.substring(0, slash));
                return new Lookup.Explained(dossier(merger, new DossierRef(kbo.digits(), query.substring(slash + 1).strip()), text),
                        false, 0);
            } catch (IllegalArgumentException e) {
                // not a KBO before the slash: a name or a reference that has one
            }
        }
        if (looksLikeInsz(query)) {
            try {
                Explanation explanation = person(merger, new PersonQuery.ByInsz(Insz.parse(query)), text);
                return new Lookup.Explained(explanation, true, explanation.found() ? 1 : 0);
            } catch (InvalidIdentifierException e) {
                return new Lookup.Refused(text.get("explain.search.bad_insz", text.reason(e.reason())));
            }
        }
        List<String> kbos = new ArrayList<>(merger.participants().stream().map(Ocmw::kbo).map(Kbo::digits).toList());
        kbos.add(merger.target().kbo().digits());
        List<DossierRef> refs = dossiers.withReference(kbos, query);
        if (refs.size() == 1) {
            return new Lookup.Explained(dossier(merger, refs.get(0), text), false, 0);
        }
        if (refs.size() > 1) {
            return new Lookup.Matches(refs.stream().map(ref -> new Match(ref.label(), "", "", "", null, null,
                    ref.kbo() + "/" + ref.reference())).toList(), false);
        }
        List<Account> accounts = access.search(merger, query, MATCHES + 1);
        Map<String, List<Account>> people = new LinkedHashMap<>();
        accounts.stream().limit(MATCHES).forEach(a -> people.computeIfAbsent(
                a.insz() != null ? a.insz().digits() : a.kbo().digits() + "/" + a.username(), k -> new ArrayList<>()).add(a));
        if (people.size() == 1) {
            Account account = people.values().iterator().next().get(0);
            return new Lookup.Explained(person(merger, new PersonQuery.ByUsername(account.username(), account.kbo()), text),
                    false, 0);
        }
        if (people.isEmpty()) {
            return new Lookup.Refused(text.get("explain.search.nothing", shown(query), merger.name()));
        }
        // one row per account, with the domains it has there: the explanation covers them all
        Map<String, List<Account>> byAccount = new LinkedHashMap<>();
        accounts.stream().limit(MATCHES).forEach(a -> byAccount.computeIfAbsent(a.kbo().digits() + "/" + a.username(),
                k -> new ArrayList<>()).add(a));
        return new Lookup.Matches(byAccount.values().stream().map(same -> {
            Account a = same.get(0);
            return new Match(a.name(), a.insz() == null ? text.get("explain.no_insz") : a.insz().masked(), a.organisation(),
                    same.stream().map(Account::domain).distinct().collect(Collectors.joining(", ")), a.username(),
                    a.kbo().digits(), null);
        }).toList(), accounts.size() > MATCHES);
    }

    private List<String> planLines(Merger merger, Cited cited, ReportText text) {
        if (cited == null) {
            return List.of(text.get("explain.plan.none", merger.id()));
        }
        List<String> lines = new ArrayList<>();
        String state = cited.mode() == RunMode.APPLY
                ? text.get(cited.status() == be.ocmw.merge.merger.model.PlanStatus.APPLIED ? "explain.plan.mode.applied"
                : "explain.plan.mode.applying")
                : text.get("explain.plan.mode." + cited.status().name().toLowerCase(java.util.Locale.ROOT));
        lines.add(text.get(cited.mode() == RunMode.APPLY ? "explain.plan.apply" : "explain.plan.latest", cited.fingerprint(),
                ReportText.dateTime(cited.at()), cited.run(), state));
        if (cited.approval() != null) {
            lines.add(text.get("explain.plan.approved", text.who(cited.approval().approver()),
                    ReportText.dateTime(cited.approval().approvedAt()), cited.approval().fingerprint()));
        } else {
            lines.add(text.get("explain.plan.not_approved"));
        }
        if (cited.applied() != null) {
            lines.add(text.get("explain.plan.applied", cited.applied().run(), ReportText.dateTime(cited.applied().at()),
                    cited.applied().by() == null ? "?" : cited.applied().by()));
        } else {
            lines.add(text.get("explain.plan.not_applied"));
        }
        return lines;
    }

    static String audit(AuditTrail.Entry entry, ReportText text) {
        return text.get("explain.audit", entry.id(), text.get("audit.action." + entry.action()), entry.run(), entry.command(),
                ReportText.dateTime(entry.at()));
    }

    private static String organisations(Merger merger) {
        List<String> names = new ArrayList<>(merger.disappearing().stream().map(Ocmw::name).toList());
        names.add(merger.target().name());
        return names.stream().distinct().collect(Collectors.joining(", "));
    }
}
