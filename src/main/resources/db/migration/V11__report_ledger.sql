-- Every set of coordinator reports (plan.xlsx, plan.html, summary.json; or those of an apply) written into a folder,
-- recorded before any of its files is in place: whether it shows full INSZ is known to the dashboard before a file
-- can be downloaded, and stays known when the process stops half-way.
create table report (
    id           bigserial primary key,
    merger_id    text        not null,
    mode         text        not null check (mode in ('PLAN', 'APPLY', 'RECONCILE')),
    -- the folder the files are written into, as an absolute path
    folder       text        not null,
    plan_id      bigint references plan (id),
    full_insz    boolean     not null,
    started_at   timestamptz not null default now(),
    -- null: the files may be partly in place (writing, or the process stopped)
    completed_at timestamptz
);

create index report_folder on report (folder, mode, id);
