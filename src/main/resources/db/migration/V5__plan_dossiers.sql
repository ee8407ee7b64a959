-- The dossiers and OCMW Online requests a plan closes, reopens and relinks: one row each, as sets that the
-- apply executes set-based (a plan of a large merger holds a million dossiers; a JSON change per dossier
-- would cost more than the writes themselves). The original end date is kept so that the apply can give
-- it to the successor and prove afterwards that closing was the only thing done to the sources' dossiers.
-- No foreign key to dossier, for the same reason as dossier.created_by_run.
create table plan_dossier (
    plan_id             bigint not null references plan (id) on delete cascade,
    dossier_id          bigint not null,
    source_kbo          text   not null,
    original_end_date   date,
    -- null: the dossier was continued before (by an earlier apply): it is only closed again
    successor_reference text,
    -- in the order the apply reads them: per source OCMW (a partition each), by dossier
    primary key (plan_id, source_kbo, dossier_id)
);

create table plan_online_request (
    plan_id    bigint not null references plan (id) on delete cascade,
    request_id bigint not null,
    source_kbo text   not null,
    primary key (plan_id, request_id)
);
