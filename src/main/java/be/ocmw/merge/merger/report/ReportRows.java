package be.ocmw.merge.merger.report;

import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Severity;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanTask;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the workbook, the page and the dashboard show alike, in the reader's words: one place for each. */
public final class ReportRows {

    private ReportRows() {
    }

    /** The summary rows: what, value, and for an apply what the plan predicted. */
    static List<List<Object>> summary(PlanReport report, ApplyResult applied, ReportText text) {
        MergerPlan plan = report.plan();
        Merger merger = plan.merger();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text.get("summary.merger"), merger.name() + " (" + merger.id() + ")"));
        rows.add(List.of(text.get("summary.scenario"), text.get("scenario." + merger.scenario().number())));
        rows.add(List.of(text.get("summary.target"), text.get("summary.target.value", merger.target().name(),
                merger.target().kbo().formatted(), merger.target().nis().code())));
        rows.add(List.of(text.get("summary.effective"), merger.effectiveDate()));
        rows.add(List.of(text.get("summary.close"), merger.closeDate()));
        rows.add(List.of(text.get("summary.mode"), text.get("summary.mode." + report.mode().file())));
        rows.add(List.of(text.get("summary.status"), text.get("status." + report.status().name())));
        plan.findings().stream().filter(Finding::blocking).forEach(f -> rows.add(List.of(text.get("summary.blocked_by"),
                text.get("finding." + f.code() + ".title") + ": " + f.detail(text))));
        // an apply: what was done (the audit trail's count, else what its changes did) beside the plan's own figures
        PlanCounts predicted = applied == null || applied.predicted() == null ? plan.counts() : applied.predicted();
        PlanCounts did = applied == null ? null : applied.did(plan.counts());
        for (Count count : Count.values()) {
            if (!plan.counts().has(count) && !predicted.has(count)) {
                continue;
            }
            String key = "count." + count.qualifiedKey();
            String label = text.has(key) ? text.get(key) : count.qualifiedKey();
            if (did == null) {
                rows.add(List.of(label, plan.counts().get(count)));
            } else {
                rows.add(List.of(label, did.has(count) ? did.get(count) : "", predicted.has(count) ? predicted.get(count) : ""));
            }
        }
        // what each OCMW's review of its users decided (SPEC 4.5)
        for (be.ocmw.merge.intake.Designations.ReviewTally review : report.reviews()) {
            String ocmw = merger.participants().stream().filter(p -> p.kbo().digits().equals(review.kbo()))
                    .map(be.ocmw.merge.registry.Ocmw::name).findFirst().orElse(merger.target().name());
            rows.add(List.of(text.get("summary.review", ocmw), text.get("summary.review.value", review.reviewed(),
                    review.notCopied(), review.blocked(), review.withApplications(), review.file())));
        }
        rows.add(List.of(text.get("summary.fingerprint"), plan.fingerprint()));
        if (report.mode() == RunMode.PLAN) {
            rows.add(List.of("", text.get("summary.fingerprint.help")));
        }
        if (applied != null) {
            rows.add(List.of(text.get("summary.source_before"), applied.sourceBefore()));
            rows.add(List.of(text.get("summary.source_after"), applied.sourceAfter()));
            rows.add(List.of(text.get("summary.untouched"), text.get(applied.sourcesUntouched() ? "summary.yes" : "summary.no")));
            if (applied.approved() != null) {
                ApplyResult.Approved approved = applied.approved();
                rows.add(List.of(text.get("summary.approved_by"), text.get("summary.approved_by.value", text.who(approved.approver()),
                        ReportText.dateTime(approved.approvedAt()))));
                if (approved.comment() != null) {
                    rows.add(List.of(text.get("summary.approval_comment"), approved.comment()));
                }
                rows.add(List.of(text.get("summary.applied_by"), text.who(approved.applier())));
                if (approved.fourEyesWaived()) {
                    rows.add(List.of(text.get("summary.four_eyes"), text.get("summary.four_eyes.waived")));
                }
                if (approved.rehearsal()) {
                    rows.add(List.of(text.get("summary.rehearsal"), text.get("summary.rehearsal.value",
                            ReportText.date(merger.effectiveDate()))));
                }
            }
        }
        rows.add(List.of(text.get("summary.generated"), report.generated()));
        return rows;
    }

    /** summary.json (SPEC 7): the merger, its counts, findings, tasks and fingerprint; for an apply its proof. */
    public static Map<String, Object> summary(MergerPlan plan, RunMode mode, be.ocmw.merge.merger.model.PlanStatus status,
                                              ApplyResult applied) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("merger", plan.merger().id());
        summary.put("scenario", plan.merger().scenario().number());
        summary.put("mode", mode.file());
        summary.put("status", status.name());
        summary.put("effective_date", plan.merger().effectiveDate().toString());
        summary.put("close_date", plan.merger().closeDate().toString());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kbo", plan.merger().target().kbo().digits());
        target.put("nis", plan.merger().target().nis().code());
        summary.put("target", target);
        plan.counts().asJson().forEach(summary::put);
        summary.put("findings", plan.findings().stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("code", f.code());
            finding.put("severity", f.severity().name());
            finding.put("detail", f.detail());
            return finding;
        }).toList());
        summary.put("tasks", plan.tasks().stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("code", t.code());
            task.put("due", t.due().toString());
            return task;
        }).toList());
        summary.put("fingerprint", plan.fingerprint());
        if (applied != null) {
            summary.put("source_fingerprint_before", applied.sourceBefore());
            summary.put("source_fingerprint_after", applied.sourceAfter());
            summary.put("sources_untouched", applied.sourcesUntouched());
            summary.put("done", applied.done().asJson());
            if (applied.approved() != null) {
                summary.put("approved_by", applied.approved().approvedBy());
                summary.put("approved_account", applied.approved().approver().accountKey());
                summary.put("approved_at", applied.approved().approvedAt().toString());
                summary.put("applied_by", applied.approved().appliedBy());
                summary.put("applied_account", applied.approved().applier() == null ? null : applied.approved().applier().accountKey());
                summary.put("four_eyes_waived", applied.approved().fourEyesWaived());
                if (applied.approved().rehearsal()) {
                    summary.put("rehearsal", true);
                }
            }
        }
        return summary;
    }

    /**
     * One thing a plan takes away (SPEC 5.7), as every report and page shows it: who (name, domain and username, INSZ),
     * what (before → after), why, and the submission it comes from.
     */
    public record CorrectionRow(String name, String domain, String username, String insz, String what, String why,
                                String source) {
    }

    /** What the plan takes away, in the reader's words. */
    public static List<CorrectionRow> corrections(List<PlanChange.Correction> corrections, ReportText text, boolean fullInsz) {
        return corrections.stream().map(c -> new CorrectionRow(c.name(), c.domain(), c.username(), insz(c.insz(), fullInsz),
                text.reason(c.what()), text.reason(c.why()), c.source())).toList();
    }

    /** The corrections among a computed plan's changes. */
    public static List<PlanChange.Correction> corrections(MergerPlan plan) {
        return plan.changes().stream().filter(PlanChange.Correction.class::isInstance).map(PlanChange.Correction.class::cast)
                .toList();
    }

    /** Blocking first, then what to check, then what is only for information. */
    public static List<Finding> ordered(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /** What a task asks, in the reader's words. */
    public static String taskText(PlanTask task, Merger merger, ReportText text) {
        int year = merger.effectiveDate().getYear();
        return switch (task.code()) {
            case "UNIEK_VERSLAG_OLD" -> text.get("task.UNIEK_VERSLAG_OLD", year - 1, year);
            case "UNIEK_VERSLAG_NEW" -> text.get("task.UNIEK_VERSLAG_NEW", year);
            case "LOGIN_CHOICE" -> text.get("task.LOGIN_CHOICE", text.get("sheet.transition"));
            default -> text.has("task." + task.code()) ? text.get("task." + task.code()) : task.detail();
        };
    }

    /** Whoever gets an account in the merged OCMW from an old one keeps that one for now: both, in the transition. */
    static List<MergerPlan.TargetAccount> transitionPeople(MergerPlan plan) {
        return plan.accounts().stream().filter(a -> !a.mergedFrom().isEmpty()).toList();
    }

    /** An INSZ as a report shows it: masked unless {@code full}; nothing when there is none. */
    public static String insz(Insz insz, boolean full) {
        return insz == null ? "" : full ? insz.formatted() : insz.masked();
    }

    /** An INSZ stored as its digits, as a report shows it: masked unless {@code full}; nothing when there is none. */
    public static String insz(String insz, boolean full) {
        if (insz == null) {
            return "";
        }
        return full ? new Insz(insz).formatted() : new Insz(insz).masked();
    }

    static String severity(Severity severity, ReportText text) {
        return text.get("severity." + severity.name());
    }
}
