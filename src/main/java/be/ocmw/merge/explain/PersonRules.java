package be.ocmw.merge.explain;

import be.ocmw.merge.access.AccessStory.Account;
import be.ocmw.merge.access.AccessStory.Domain;
import be.ocmw.merge.access.AccessStory.Person;
import be.ocmw.merge.access.AccessStory.Planned;
import be.ocmw.merge.audit.AuditTrail;
import be.ocmw.merge.domain.AccountStatus;
import be.ocmw.merge.domain.Role;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.intake.Designations;
import be.ocmw.merge.merger.StoredPlans.Cited;
import be.ocmw.merge.merger.model.ChangeKind;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The rules of SPEC 5.2 and 5.3 as they decided one person's account, in words: each attribute of the account the
 * plan stored is traced back to the source accounts it was made from (which source brought which application, who is
 * active, who was administrator, whose e-mail it is) and to the plan's findings about them. It reads the stored values
 * only: it does not decide anything again, so what it says is what the plan did.
 */
final class PersonRules {

    private static final Set<Role> ADMINISTRATORS = Set.of(Role.HTB, Role.CO_HTB, Role.TB, Role.CO_TB);

    private final Merger merger;
    private final Person person;
    private final List<Finding> findings;
    private final List<Designations.Cited> designations;
    private final ReportText text;
    private final java.util.function.LongFunction<Optional<be.ocmw.merge.merger.Approval>> approvalOfRun;

    PersonRules(Merger merger, Person person, List<Finding> findings, List<Designations.Cited> designations, ReportText text,
                java.util.function.LongFunction<Optional<be.ocmw.merge.merger.Approval>> approvalOfRun) {
        this.approvalOfRun = approvalOfRun;
        this.merger = merger;
        this.person = person;
        this.findings = findings;
        this.designations = designations;
        this.text = text;
    }

    /** The source accounts (as the plan found them) and the merged OCMW's account (planned, or as it is now). */
    List<String> accounts(Domain domain, Cited cited) {
        List<String> lines = new ArrayList<>();
        String found = text.get(cited == null ? "explain.sources.now" : "explain.sources.planned");
        if (domain.sources().isEmpty()) {
            lines.add(text.get("explain.source.none"));
        }
        for (Account source : domain.sources()) {
            lines.add(found + " " + text.get("explain.source", source.organisation(), source.kbo().formatted(), source.username(),
                    source.role().label(), source.status().name(), applications(source.applications()),
                    ReportText.dateTime(source.loadedAt()), fileName(source.file())));
        }
        lines.add(target(domain, cited));
        return lines;
    }

    private String target(Domain domain, Cited cited) {
        Planned planned = domain.planned();
        Account now = domain.now();
        String kbo = merger.target().kbo().formatted();
        if (planned != null && planned.kind() == ChangeKind.CREATE_ACCOUNT) {
            Optional<AuditTrail.Entry> insert = done(domain, "INSERT", cited);
            if (now != null && insert.isPresent()) {
                return text.get("explain.target.created", now.username(), kbo, insert.get().run(), insert.get().command(),
                        ReportText.dateTime(insert.get().at()), now.role().label(), now.status().name(),
                        applications(now.applications()));
            }
            return text.get("explain.target.create", planned.username(), kbo, planned.role().label(), planned.status().name(),
                    applications(planned.applications()));
        }
        if (planned != null) {
            List<String> changes = new ArrayList<>();
            if (!planned.applications().isEmpty()) {
                changes.add(text.get("explain.update.add", String.join(", ", planned.applications())));
            }
            if (planned.status() != null) {
                changes.add(text.get("explain.update.status", planned.status().name()));
            }
            if (planned.role() != null) {
                changes.add(text.get("explain.update.role", planned.role().label()));
            }
            Optional<AuditTrail.Entry> update = done(domain, "UPDATE", cited);
            if (update.isPresent() && now != null) {
                return text.get("explain.target.updated", now.username(), update.get().run(), update.get().command(),
                        ReportText.dateTime(update.get().at()), String.join("; ", changes), now.role().label(),
                        now.status().name(), applications(now.applications()));
            }
            return text.get("explain.target.update", planned.username(), String.join("; ", changes));
        }
        List<String> toTakeAway = domain.corrections().stream()
                .filter(c -> domain.audit().stream().noneMatch(e -> c.kind().name().equals(e.correction())))
                .map(c -> text.reason(c.what())).toList();
        if (now != null && !toTakeAway.isEmpty()) {
            return text.get("explain.target.corrects", now.username(), kbo, now.role().label(), now.status().name(),
                    applications(now.applications()), String.join("; ", toTakeAway));
        }
        if (now != null) {
            return text.get(domain.own() == now ? "explain.target.unchanged" : "explain.target.in_place", now.username(), kbo,
                    now.role().label(), now.status().name(), applications(now.applications()));
        }
        if (cited == null) {
            return text.get("explain.target.unplanned");
        }
        if (domain.corrections().stream().anyMatch(c -> c.kind() == ChangeKind.WITHDRAW_ROLE && c.newRole() == null)) {
            // an organisation-level administrator the submissions no longer designate: they left, see why
            return text.get("explain.target.withdrawn", kbo);
        }
        return text.get("explain.target.not_copied");
    }

    /** The audit row of the merged OCMW's account written after the plan was computed by a run that did {@code action}. */
    private static Optional<AuditTrail.Entry> done(Domain domain, String action, Cited cited) {
        return domain.audit().stream().filter(e -> e.action().equals(action) && (cited == null || e.run() >= cited.rowsRun()))
                .findFirst();
    }

    /** Each attribute of the merged OCMW's account and the rule that decided it; or why there is none. */
    List<String> why(Domain domain, Cited cited) {
        List<String> lines = new ArrayList<>(corrections(domain, cited));
        Planned planned = domain.planned();
        List<Account> sources = domain.sources();
        if (planned == null) {
            whyNone(domain, cited, lines);
            return lines;
        }
        Account own = domain.own();
        boolean update = planned.kind() == ChangeKind.UPDATE_ACCOUNT;
        // applications: the union, each with the accounts that brought it
        if (domain.main()) {
            lines.add(text.get("explain.rule.applications.main"));
        } else {
            TreeSet<String> all = new TreeSet<>(planned.applications());
            if (update && own != null) {
                all.addAll(own.applications());
            }
            List<String> each = new ArrayList<>();
            for (String application : all) {
                List<String> from = new ArrayList<>();
                if (update && own != null && own.applications().contains(application)) {
                    from.add(text.get("explain.own_account"));
                }
                sources.stream().filter(s -> s.applications().contains(application)).map(Account::organisation).distinct()
                        .forEach(from::add);
                each.add(text.get("explain.rule.application", application, from.isEmpty() ? "?" : String.join(", ", from)));
            }
            lines.add(all.isEmpty() ? text.get("explain.rule.applications.none")
                    : text.get("explain.rule.applications", sources.size(), String.join("; ", each)));
        }
        // status: active if active anywhere, blocked only if blocked everywhere
        AccountStatus status = planned.status() != null ? planned.status() : own != null ? own.status() : null;
        if (status == AccountStatus.ACTIEF) {
            List<String> active = organisations(sources, s -> s.status().active());
            if (own != null && own.status().active()) {
                active.add(0, text.get("explain.own_account"));
            }
            lines.add(active.isEmpty() ? text.get("explain.rule.status.new")
                    : text.get("explain.rule.status.active", String.join(", ", active)));
        } else if (status == AccountStatus.GEBLOKKEERD) {
            lines.add(text.get("explain.rule.status.blocked", String.join(", ", organisations(sources, s -> true))));
        }
        // type: an administrator only as the submissions designate
        Role role = planned.role() != null ? planned.role()
                : domain.corrections().stream().filter(c -> c.kind() == ChangeKind.WITHDRAW_ROLE && c.newRole() != null)
                .map(PlanChange.Correction::newRole).findFirst().orElse(own != null ? own.role() : Role.USER);
        List<String> were = new ArrayList<>(sources.stream().filter(Account::administrator)
                .map(s -> text.get("explain.role.in", s.role().label(), s.organisation())).distinct().toList());
        if (own != null && own.administrator() && !ADMINISTRATORS.contains(role)) {
            // an administrator of the merged OCMW whom the submissions no longer designate
            were.add(text.get("explain.role.in", own.role().label(), text.get("explain.own_account")));
        }
        if (ADMINISTRATORS.contains(role)) {
            List<String> by = ofDomain(domain).filter(d -> d.role() == role && person.insz() != null
                    && person.insz().digits().equals(d.insz())).map(this::submission).toList();
            lines.add(by.isEmpty() ? text.get("explain.rule.role.designated", role.label())
                    : text.get(by.size() == 1 ? "explain.rule.role.designated.by" : "explain.rule.role.designated.by.many",
                    role.label(), String.join(", ", by)));
        } else if (!were.isEmpty()) {
            lines.add(text.get("explain.rule.role.not_designated", role.label(), String.join(", ", were), designated(domain)));
        } else {
            lines.add(text.get("explain.rule.role.kept", role.label()));
        }
        // username: the first source's, unless another person has it
        Optional<Finding> renamed = finding("USERNAME_RENAMED", f -> Objects.equals(f.subject(), planned.username())
                && Objects.equals(f.kbo(), merger.target().kbo().digits()));
        if (renamed.isPresent()) {
            lines.add(text.get("explain.rule.username.renamed", planned.username(), said(renamed.get())));
        } else if (update) {
            lines.add(text.get("explain.rule.username.own", planned.username()));
        } else if (!sources.isEmpty() && sources.get(0).username().equalsIgnoreCase(planned.username())) {
            lines.add(text.get("explain.rule.username.first", planned.username(), sources.get(0).organisation()));
        } else {
            lines.add(text.get("explain.rule.username.derived", planned.username()));
        }
        // e-mail: the merged OCMW's own, else the first source in registry order that has one
        if (update) {
            if (own != null && own.email() != null && !own.email().isBlank()) {
                lines.add(text.get("explain.rule.email.own", own.email()));
            }
        } else if (planned.email() == null || planned.email().isBlank()) {
            lines.add(text.get("explain.rule.email.none"));
        } else {
            Optional<Account> first = sources.stream().filter(s -> planned.email().equalsIgnoreCase(s.email())).findFirst();
            lines.add(first.map(s -> text.get("explain.rule.email.first", planned.email(), s.organisation()))
                    .orElseGet(() -> text.get("explain.rule.email.submission", planned.email())));
        }
        String masked = person.insz() == null ? null : person.insz().masked();
        String email = update && own != null ? own.email() : planned.email();
        finding("EMAIL_DIFFERS", f -> masked != null && masked.equals(f.subject()) && f.args().size() > 2
                && f.args().get(2).equalsIgnoreCase(String.valueOf(email))).ifPresent(f -> lines.add(said(f)));
        finding("NAME_MISMATCH", f -> masked != null && masked.equals(f.subject())).ifPresent(f -> lines.add(said(f)));
        for (Account source : sources) {
            finding("NO_INSZ", f -> source.insz() == null && sameAccount(f, source)).ifPresent(f -> lines.add(said(f)));
            finding("REVIEW_NOT_COPIED", f -> sameAccount(f, source)).ifPresent(f -> lines.add(said(f)));
            finding("REVIEW_APPLICATION_LEFT_OUT", f -> sameAccount(f, source)).ifPresent(f -> lines.add(said(f)));
            finding("REVIEW_COPIED_BLOCKED", f -> sameAccount(f, source)).ifPresent(f -> lines.add(said(f)));
        }
        finding("UNKNOWN_APPLICATION", f -> Objects.equals(f.subject(), planned.name())
                && Objects.equals(f.kbo(), merger.target().kbo().digits())).ifPresent(f -> lines.add(said(f)));
        return lines;
    }

    /**
     * What the plan takes away from the person's account in this domain (SPEC 5.7) and why; once applied, since when
     * they had it, which run took it away and who approved that: "HTB since run 12, withdrawn by run 31 (apply,
     * 07/12/2026 10:02), approved by Ann on 06/12/2026 10:00: … OCMW Gooik's submission of … designates …".
     */
    private List<String> corrections(Domain domain, Cited cited) {
        List<String> lines = new ArrayList<>();
        for (PlanChange.Correction correction : domain.corrections()) {
            String what = text.reason(correction.what());
            String why = text.reason(correction.why());
            String source = correction.source().isEmpty() ? text.get("explain.designated.nobody") : correction.source();
            Optional<AuditTrail.Entry> done = domain.audit().stream()
                    .filter(e -> correction.kind().name().equals(e.correction())).reduce((first, second) -> second);
            if (done.isEmpty()) {
                lines.add(text.get("explain.rule.correction.planned", what, why, source));
                continue;
            }
            Optional<Long> since = domain.audit().stream().filter(e -> e.action().equals("INSERT") && e.run() < done.get().run())
                    .map(AuditTrail.Entry::run).findFirst()
                    .or(() -> Optional.ofNullable(domain.own()).map(Account::run).filter(run -> run > 0 && run < done.get().run()));
            String approval = approvalOfRun.apply(done.get().run())
                    .map(a -> text.get("explain.correction.approved", text.who(a.approver()), ReportText.dateTime(a.approvedAt())))
                    .orElseGet(() -> text.get("explain.correction.unapproved"));
            lines.add(since.isPresent()
                    ? text.get("explain.rule.correction.done", what, since.get(), done.get().run(), done.get().command(),
                    ReportText.dateTime(done.get().at()), approval, why, source)
                    : text.get("explain.rule.correction.done.loaded", what, done.get().run(), done.get().command(),
                    ReportText.dateTime(done.get().at()), approval, why, source));
        }
        return lines;
    }

    /** No change in the plan: the merged OCMW's own account has it all, or the person is not copied, and why. */
    private void whyNone(Domain domain, Cited cited, List<String> lines) {
        if (cited == null) {
            lines.add(text.get("explain.rule.unplanned", merger.id()));
            return;
        }
        for (Account source : domain.sources()) {
            // the organisation-level finding belongs to the domain of the organisation-level roles only
            finding("ADMIN_NOT_DESIGNATED", f -> domain.main() && sameAccount(f, source) && f.message() != null
                    && f.message().startsWith("ADMIN_NOT_DESIGNATED.main"))
                    .ifPresent(f -> lines.add(text.get("explain.rule.main.not_designated", said(f), designated(domain))));
            finding("NO_INSZ", f -> sameAccount(f, source) && "NO_INSZ.taken".equals(f.message()))
                    .ifPresent(f -> lines.add(said(f)));
            // the OCMW's own review said not to copy it: which OCMW, which file, sheet and row
            finding("REVIEW_NOT_COPIED", f -> sameAccount(f, source)).ifPresent(f -> lines.add(said(f)));
            finding("REVIEW_CONFLICT", f -> sameAccount(f, source)).ifPresent(f -> lines.add(said(f)));
        }
        if (lines.isEmpty()) {
            lines.add(text.get(domain.now() != null ? "explain.rule.nothing_to_do" : "explain.rule.not_in_plan"));
        }
    }

    /**
     * Whom the current submissions designate as administrator of this domain (the person excepted), each with the OCMW
     * whose submission does it, its date, file, sheet and row; or that nobody is designated yet.
     */
    private String designated(Domain domain) {
        // a person several OCMWs designate is named once, with every submission that does
        java.util.Map<String, List<String>> by = new java.util.LinkedHashMap<>();
        ofDomain(domain).filter(d -> person.insz() == null || !person.insz().digits().equals(d.insz()))
                .forEach(d -> by.computeIfAbsent(d.name() + " (" + d.role().label() + ")", k -> new ArrayList<>())
                        .add(submission(d)));
        List<String> names = by.entrySet().stream()
                .map(e -> text.get("explain.designation", e.getKey(), String.join(", ", e.getValue()))).toList();
        return names.isEmpty() ? text.get("explain.designated.nobody") : String.join("; ", names);
    }

    /** The designations of this domain: the organisation-level roles in the main domain, the domain's TB and co-TB in another. */
    private java.util.stream.Stream<Designations.Cited> ofDomain(Domain domain) {
        return designations.stream().filter(d -> domain.main() ? d.role().organisationLevel()
                : !d.role().organisationLevel() && domain.name().equalsIgnoreCase(d.domain()));
    }

    /**
     * A loaded file as a coordinator knows it: its name, without the folders of the server it was read on (where an
     * operator put it, or the dashboard's upload folder), which say nothing to them.
     */
    static String fileName(String path) {
        if (path == null) {
            return "";
        }
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** "OCMW Gooik's submission of 12/11/2024 (file …, sheet Beheerders, row 3)". */
    private String submission(Designations.Cited designation) {
        String organisation = merger.participants().stream().filter(p -> p.kbo().digits().equals(designation.kbo()))
                .map(be.ocmw.merge.registry.Ocmw::name).findFirst()
                .orElse(merger.target().kbo().digits().equals(designation.kbo()) ? merger.target().name() : designation.kbo());
        return text.get("explain.submission", organisation, ReportText.date(designation.submittedOn()), fileName(designation.file()),
                designation.sheet(), designation.row());
    }

    private boolean sameAccount(Finding finding, Account account) {
        return Objects.equals(finding.kbo(), account.kbo().digits()) && Objects.equals(finding.subject(), account.username());
    }

    private Optional<Finding> finding(String code, Predicate<Finding> about) {
        return findings.stream().filter(f -> f.code().equals(code) && about.test(f)).findFirst();
    }

    /** A finding as the plan's report says it, with its code: the name the coordinator knows the rule by. */
    private String said(Finding finding) {
        return finding.detail(text) + " (" + finding.code() + ")";
    }

    private static List<String> organisations(List<Account> accounts, Predicate<Account> which) {
        return new ArrayList<>(accounts.stream().filter(which).map(Account::organisation).distinct().toList());
    }

    private String applications(List<String> applications) {
        return applications.isEmpty() ? text.get("explain.applications.none") : String.join(", ", applications);
    }
}
