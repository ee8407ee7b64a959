-- The safe corrections of a reconciliation are executed like an apply, from a stored plan of mode RECONCILE.
alter table plan drop constraint plan_mode_check;
alter table plan add constraint plan_mode_check check (mode in ('PLAN', 'APPLY', 'RECONCILE'));
