-- Loading files: every file a load or intake job reads is a load_file of that job instance, with what
-- became of it; rows are staged per file and merged into the live tables in one set-based step, so that
-- a file that turns out unreadable half-way contributes nothing.

create table load_file (
    id              bigserial primary key,
    job_instance_id bigint not null,
    run_id          bigint references run (id),
    kind            text   not null check (kind in ('ACCESS', 'DOSSIERS', 'ONLINE_REQUESTS', 'SUBMISSION')),
    path            text   not null,
    name            text   not null,
    kbo             text,
    domain          text,
    content_sha256  text   not null,
    status          text   not null default 'PENDING'
        check (status in ('PENDING', 'REJECTED', 'LOADED', 'UNCHANGED')),
    problem         text,
    header_row      int,
    last_row        int,
    ignored_columns text,
    rows_accepted   int    not null default 0,
    rows_rejected   int    not null default 0,
    rows_inserted   int    not null default 0,
    rows_updated    int    not null default 0,
    rows_removed    int    not null default 0,
    unique (job_instance_id, path)
);

create table staged_dossier (
    load_file_id bigint not null references load_file (id) on delete cascade,
    source_row   int    not null,
    kbo          text   not null,
    reference    text   not null,
    type         text   not null,
    insz         text   not null,
    start_date   date   not null,
    end_date     date,
    primary key (load_file_id, source_row)
);

create table staged_online_request (
    load_file_id bigint  not null references load_file (id) on delete cascade,
    source_row   int     not null,
    reference    text    not null,
    submitted_on date    not null,
    kbo          text    not null,
    read         boolean not null,
    primary key (load_file_id, source_row)
);

-- The snapshot an access file is loaded into.
alter table load_file add column snapshot_id bigint references access_snapshot (id);

-- What the OCMW sheet of an HTB submission says (merger, KBO, date, submitter), read before its rows.
alter table load_file add column meta jsonb;
alter table load_file add column password_columns text;

create table staged_administrator (
    load_file_id bigint not null references load_file (id) on delete cascade,
    source_row   int    not null,
    role         text   not null,
    domain       text,
    insz         text   not null,
    last_name    text   not null,
    first_name   text   not null,
    email        text   not null,
    language     text,
    phone        text,
    primary key (load_file_id, source_row)
);

-- The intake that took a submission in, and the file it came from, for the reports.
alter table submission add column load_file_id bigint references load_file (id);
