-- What a plan was computed from: a digest of every row the planner read (access of the participants and the
-- target, designations, intake findings, the application catalogue, organisations, dossiers, OCMW Online requests),
-- taken in the snapshot the plan read. An apply whose inputs have this same digest executes the stored plan
-- instead of computing it again. Null when the inputs changed while the plan was being computed and stored.
alter table plan add column input_digest text;
