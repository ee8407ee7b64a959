/**
 * The merger: {@code plan} works out everything a merger does (SPEC 5) and changes nothing; {@code apply} executes the
 * approved plan as a resumable Spring Batch job. This package is its API: {@link be.ocmw.merge.merger.MergerRuns}
 * (plan, apply, a reconciliation's corrections), {@link be.ocmw.merge.merger.StoredPlans} (where each merger stands,
 * for the dashboard), {@link be.ocmw.merge.merger.ReportLedger} (which reports show full INSZ) and the settings.
 * <ul>
 * <li>{@code model} (shared with the features around it): the plan, its typed changes, status, modes, fingerprint,
 * and {@link be.ocmw.merge.merger.model.MergerPart}, by which access, dossiers and OCMW Online contribute their part
 * of a merger from inside their own feature (what it plans, how it is stored, its apply steps, its check, its share
 * of the digests);</li>
 * <li>{@code planning}: the plan computed in one database snapshot from the intake's findings and the parts, with its
 * fingerprint and input digest;</li>
 * <li>{@code store}: the merger's own tables ({@code plan}, {@code plan_task}), and a stored plan read back;</li>
 * <li>{@code apply}: the apply job, made of the parts' steps and the check that every change is in place;</li>
 * <li>{@code report}: the report model and its writers (workbook, page, summary.json).</li>
 * </ul>
 * An approval step belongs between {@code planning} and {@code apply} (in {@link be.ocmw.merge.merger.MergerRuns}, on a
 * stored plan of {@code store}); a new finding in the part that finds it; a new report sheet in {@code report}.
 */
package be.ocmw.merge.merger;
