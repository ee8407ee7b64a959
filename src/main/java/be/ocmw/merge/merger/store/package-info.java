/**
 * The merger's own tables: {@code plan} and {@code plan_task} ({@link be.ocmw.merge.merger.store.PlanStore}), and a
 * stored plan read back for the reports of the apply that executed it ({@link be.ocmw.merge.merger.store.StoredApply},
 * each part reading its own rows). A stored plan never changes but for its status, its summary once applied and the
 * moment its reports were in place: an approval belongs here, as a record beside the plan it approves.
 */
package be.ocmw.merge.merger.store;
