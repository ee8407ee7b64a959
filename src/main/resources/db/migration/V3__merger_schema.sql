-- The back office's state as ocmw-merge knows it (SPEC sections 3 to 8).
-- KBO numbers are stored as their 10 digits, INSZ as their 11 digits, NIS codes as their 5 digits;
-- the application validates check digits before anything reaches these tables.

-- One row per command that touched the database. Audit rows, rejected input rows, plans and drift name
-- the run that made them, so every change can be traced to a command, its arguments and its outcome.
create table run (
    id               bigserial primary key,
    command          text        not null,
    arguments        text        not null default '',
    merger_id        text,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    exit_code        int,
    outcome          text,
    job_execution_id bigint
);

-- Organisations (OCMWs) and the NIS code of their municipality through time.
create table organisation (
    kbo            text primary key check (kbo ~ '^[01][0-9]{9}$'),
    name           text        not null,
    created_by_run bigint references run (id),
    created_at     timestamptz not null default now()
);

create table organisation_nis (
    kbo             text not null references organisation (kbo),
    nis             text not null check (nis ~ '^[1-9][0-9]{4}$'),
    valid_from      date not null default '-infinity',
    valid_until     date,
    recorded_by_run bigint references run (id),
    primary key (kbo, valid_from),
    check (valid_until is null or valid_until > valid_from)
);
-- at most one open-ended NIS code per organisation
create unique index organisation_nis_open on organisation_nis (kbo) where valid_until is null;

-- Domains (groups of applications) and the applications known to belong to them.
create table domain (
    name text primary key
);

create table known_application (
    domain text not null references domain (name),
    name   text not null,
    primary key (domain, name)
);

insert into domain (name) values ('Maatschappelijk Welzijn');
insert into known_application (domain, name)
values ('Maatschappelijk Welzijn', 'Afzender - administratie'),
       ('Maatschappelijk Welzijn', 'ChaMan - Technisch kanaalbeheer'),
       ('Maatschappelijk Welzijn', 'Documenten RSZ in e-Box'),
       ('Maatschappelijk Welzijn', 'e-Box Bevoorrechte gebruiker'),
       ('Maatschappelijk Welzijn', 'e-Box van de instelling'),
       ('Maatschappelijk Welzijn', 'Handiweb'),
       ('Maatschappelijk Welzijn', 'Match-It Alleen Lezen'),
       ('Maatschappelijk Welzijn', 'Match-It Bewonersbeheer LOI'),
       ('Maatschappelijk Welzijn', 'Meldpunt voor partners'),
       ('Maatschappelijk Welzijn', 'Sociale Agent'),
       ('Maatschappelijk Welzijn', 'OCMW-configuratie'),
       ('Maatschappelijk Welzijn', 'PrimaWeb');

-- Each load of one organisation's export of one domain is a snapshot, and every account belongs to one.
-- The organisation-level administrators (HTB, co-HTB) are loaded under the pseudo-domain
-- 'Hoofdtoegangsbeheerders', as the portal exports them. A snapshot is LOADING while its file is read,
-- CURRENT once complete (one per organisation and domain), REPLACED when a later load took over (its
-- accounts stay, as history), REJECTED when its file turned out unreadable (its rows are removed).
create table access_snapshot (
    id             bigserial primary key,
    kbo            text        not null references organisation (kbo),
    domain         text        not null,
    source_file    text        not null,
    content_sha256 text        not null,
    status         text        not null default 'LOADING'
        check (status in ('LOADING', 'CURRENT', 'REPLACED', 'REJECTED')),
    accepted_rows  int         not null default 0,
    rejected_rows  int         not null default 0,
    loaded_by_run  bigint references run (id),
    loaded_at      timestamptz not null default now(),
    replaced_by    bigint references access_snapshot (id)
);
create unique index access_snapshot_current on access_snapshot (kbo, domain) where status = 'CURRENT';

-- The accounts of every snapshot: the current state of an organisation-domain is the accounts of its
-- CURRENT snapshot, which are what the latest load said plus what an applied merger or a safe correction
-- added (those carry created_by_run). An account's grants are the secured applications it may use, kept
-- sorted in one array: one row per account, however many grants.
-- snapshot_id has no foreign key on purpose: loads COPY hundreds of thousands of rows into a snapshot the
-- same job created a moment before, and the per-row key check cost a third of the load's database time.
create table account (
    id             bigserial primary key,
    snapshot_id    bigint not null,
    kbo            text   not null,
    domain         text   not null,
    username       text   not null,
    source_row     int,
    last_name      text   not null,
    first_name     text   not null,
    role           text   not null check (role in ('HTB', 'CO_HTB', 'TB', 'CO_TB', 'SB', 'USER')),
    insz           text check (insz ~ '^[0-9]{11}$'),
    status         text   not null check (status in ('ACTIEF', 'GEBLOKKEERD')),
    email          text,
    language       text check (language in ('NL', 'FR', 'DE', 'EN')),
    applications   text[] not null default '{}',
    created_by_run bigint references run (id),
    unique (snapshot_id, username)
);
create index account_person on account (insz);
create index account_name on account (kbo, domain, username);

-- The accounts as they are now: those of each organisation-domain's current snapshot.
create view live_account as
select a.*
from account a
         join access_snapshot s on s.id = a.snapshot_id
where s.status = 'CURRENT';

-- Running and ended dossiers registered under an OCMW's KBO. A reopened dossier points at the one it
-- continues; a dossier is continued at most once.
create table dossier (
    id             bigserial primary key,
    kbo            text not null check (kbo ~ '^[01][0-9]{9}$'),
    reference      text not null,
    type           text not null check (type in ('INTEGRATIE', 'SOCIAAL_ONDERZOEK', 'A036')),
    insz           text not null check (insz ~ '^[0-9]{11}$'),
    start_date     date not null,
    end_date       date,
    predecessor_id bigint unique references dossier (id),
    -- no foreign keys to run here: a load or an apply writes a million dossiers at a time, and a key
    -- check per row would double the time; the run ids come from the same command
    created_by_run bigint,
    updated_by_run bigint,
    unique (kbo, reference),
    check (end_date is null or end_date >= start_date)
);
create index dossier_running on dossier (kbo, start_date, end_date);

-- OCMW Online help requests, as addressed; the OCMW that handles them from a date on is a link, so the
-- history of who handled a request stays readable.
create table online_request (
    id           bigserial primary key,
    reference    text    not null,
    submitted_on date    not null,
    kbo          text    not null check (kbo ~ '^[01][0-9]{9}$'),
    read         boolean not null,
    unique (kbo, reference)
);

create table online_request_link (
    request_id     bigint not null references online_request (id),
    kbo            text   not null check (kbo ~ '^[01][0-9]{9}$'),
    valid_from     date   not null,
    created_by_run bigint references run (id),
    primary key (request_id, valid_from)
);

-- HTB submissions collected by Vlaanderen. A workbook taken in twice is one submission; a later
-- submission of the same OCMW for the same merger supersedes the earlier one.
create table submission (
    id             bigserial primary key,
    merger_id      text        not null,
    kbo            text        not null check (kbo ~ '^[01][0-9]{9}$'),
    ocmw_name      text,
    submitted_on   date        not null,
    submitted_by   text,
    source_file    text        not null,
    content_sha256 text        not null unique,
    intake_run     bigint references run (id),
    superseded_by  bigint references submission (id),
    received_at    timestamptz not null default now()
);

create table submission_administrator (
    submission_id bigint not null references submission (id),
    source_row    int    not null,
    role          text   not null check (role in ('HTB', 'CO_HTB', 'TB', 'CO_TB')),
    domain        text,
    insz          text   not null check (insz ~ '^[0-9]{11}$'),
    last_name     text   not null,
    first_name    text   not null,
    email         text   not null,
    language      text check (language in ('NL', 'FR', 'DE', 'EN')),
    phone         text,
    primary key (submission_id, source_row),
    check ((role in ('TB', 'CO_TB')) = (domain is not null))
);

-- Input rows that were refused, with where they were and why. Keyed on the batch job instance and the
-- row, so that a chunk replayed after a restart does not report its rejections twice.
create table rejected_row (
    id              bigserial primary key,
    run_id          bigint not null references run (id),
    job_instance_id bigint,
    source_file     text   not null,
    sheet           text   not null default '',
    row_number      int    not null,
    column_name     text   not null default '',
    reason          text   not null,
    kbo             text,
    merger_id       text,
    unique (job_instance_id, source_file, sheet, row_number)
);

-- A computed plan (and, in mode APPLY, what was done). The fingerprint is a hash of the plan's content;
-- a coordinator approves a plan by it.
create table plan (
    id             bigserial primary key,
    merger_id      text        not null,
    mode           text        not null check (mode in ('PLAN', 'APPLY')),
    status         text        not null check (status in ('READY', 'BLOCKED', 'APPLIED')),
    fingerprint    text        not null,
    summary        jsonb,
    created_by_run bigint references run (id),
    created_at     timestamptz not null default now()
);
create index plan_merger on plan (merger_id, created_at);

-- Every change a plan makes, one row each: create the organisation, set a NIS code, create an account
-- or a grant, close or reopen a dossier, relink a request.
create table plan_change (
    plan_id        bigint not null references plan (id) on delete cascade,
    seq            int    not null,
    kind           text   not null,
    target_kbo     text,
    domain         text,
    subject        text   not null,
    detail         jsonb  not null,
    primary key (plan_id, seq)
);

-- Findings of intake, plan and reconciliation: data for the reports, never exceptions.
create table finding (
    id        bigserial primary key,
    merger_id text not null,
    plan_id   bigint references plan (id) on delete cascade,
    origin    text not null check (origin in ('INTAKE', 'PLAN', 'APPLY', 'RECONCILE')),
    code      text not null,
    severity  text not null check (severity in ('BLOCKING', 'WARNING', 'INFO')),
    kbo       text,
    subject   text,
    detail    text not null,
    run_id    bigint references run (id)
);
create index finding_merger on finding (merger_id, origin);

-- The checklist of what people do by hand, per plan, with due dates.
create table plan_task (
    plan_id bigint not null references plan (id) on delete cascade,
    seq     int    not null,
    code    text   not null,
    due     date,
    detail  text,
    primary key (plan_id, seq)
);

-- Every change to organisations, accounts, grants, dossiers and requests: what, before, after, which run.
create table audit (
    id         bigserial primary key,
    run_id     bigint      not null references run (id),
    at         timestamptz not null default now(),
    table_name text        not null,
    row_key    text        not null,
    action     text        not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
    before     jsonb,
    after      jsonb
);
create index audit_run on audit (run_id);
create index audit_row on audit (table_name, row_key);

-- Drift found by the nightly reconciliation, and whether a safe correction was applied.
create table drift (
    id         bigserial primary key,
    run_id     bigint  not null references run (id),
    merger_id  text    not null,
    code       text    not null,
    source_kbo text,
    subject    text    not null,
    detail     text,
    corrected  boolean not null default false
);
create index drift_merger on drift (merger_id, run_id);
