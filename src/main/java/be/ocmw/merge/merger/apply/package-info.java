/**
 * The apply job: the parts' steps in their order (each reading the stored rows of job parameter {@code changes}),
 * then the check that every planned change of every part is in place, which marks the plan APPLIED. Run, resumed and
 * reported by {@link be.ocmw.merge.merger.MergerRuns}.
 */
package be.ocmw.merge.merger.apply;
