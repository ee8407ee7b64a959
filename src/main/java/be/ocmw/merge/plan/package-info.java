/**
 * The merger itself, today five parts in one package (issue 16 splits them): the access merge rules
 * ({@code AccessPlanner}), the planning of dossiers and OCMW Online requests ({@code DossierPlanner}), storing and
 * reading plans ({@code Planner}, {@code StoredApply}, {@code StoredPlans}), the apply job
 * ({@code MergerJobsConfiguration}, {@code MergerRuns}) and the reports ({@code PlanReports}, {@code PlanHtml}).
 * {@code plan} works out everything a merger does (SPEC 5) and changes nothing; it stores every planned change, its
 * findings and tasks, a digest of its inputs and a fingerprint over its content that a coordinator approves.
 * {@code apply} executes a plan as a resumable Spring Batch job: each change is idempotent and audited, a killed
 * apply is finished (or, when only its reports were missing, reported) by running it again, and the source
 * organisations are fingerprinted before and after to prove they were not touched.
 */
package be.ocmw.merge.plan;
