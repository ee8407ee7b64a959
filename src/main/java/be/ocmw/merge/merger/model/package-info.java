/**
 * The merger's model, what every other part of the merger and the features around it speak: a computed
 * {@link be.ocmw.merge.merger.model.MergerPlan} with its {@link be.ocmw.merge.merger.model.PlanChange}s (one record per
 * {@link be.ocmw.merge.merger.model.ChangeKind}), findings ({@link be.ocmw.merge.finding.Finding}), tasks, status and
 * counts ({@link be.ocmw.merge.merger.model.PlanCounts}, one value per {@link be.ocmw.merge.merger.model.Count}); the {@link be.ocmw.merge.merger.model.RunMode} a plan is stored in; the canonical form its fingerprint is
 * taken over ({@link be.ocmw.merge.merger.model.CanonicalJson}, {@link be.ocmw.merge.merger.model.Fingerprint}); and
 * {@link be.ocmw.merge.merger.model.MergerPart}, the contract by which access, dossiers and OCMW Online contribute their part of
 * a merger from inside their own feature. KBO, INSZ, roles and statuses are carried as the domain's values. Types only: nothing here reads or writes the database.
 */
@NamedInterface("model")
package be.ocmw.merge.merger.model;

import org.springframework.modulith.NamedInterface;
