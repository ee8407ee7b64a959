-- A plan stored again with the very changes of an earlier one (an apply of the plan that was approved, when nothing
-- it was computed from has changed) shares that plan's change, dossier and request rows instead of copying them:
-- changes_of names the plan whose plan_change, plan_dossier and plan_online_request rows are this plan's. Null: its
-- own rows. Its findings and tasks are always its own.
alter table plan add column changes_of bigint references plan (id);

-- The sources' fingerprint as the plan found them (their access and dossiers). An apply of a plan whose inputs are
-- unchanged (same input digest, which covers every row this fingerprint hashes) starts from it as its "before".
alter table plan add column source_fingerprint text;
