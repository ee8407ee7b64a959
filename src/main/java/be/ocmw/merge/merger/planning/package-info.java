/**
 * Planning: {@link be.ocmw.merge.merger.planning.Planner} computes a merger's plan in one REPEATABLE READ snapshot from
 * the intake's findings and every part's contribution, with its fingerprint and (for a plan that may be executed as
 * stored) the digest of its inputs; stores it in that same snapshot when asked, and proves the parts' stored rows are
 * the fingerprinted ones. Changes no organisation's data.
 */
package be.ocmw.merge.merger.planning;
