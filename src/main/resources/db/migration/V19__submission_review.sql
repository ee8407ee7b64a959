-- What an OCMW's workbook decides for its accounts (SPEC 4.5, sheet Gebruikers), one row per row of the sheet that
-- names an account of the organisation as loaded. The merged OCMW (and the OCMW that stays, scenarios 2 and 3) keeps
-- (KEEP) or blocks (BLOCK) an account and withdraws applications; a disappearing OCMW has it copied (COPY), not copied
-- (DO_NOT_COPY) or copied blocked (COPY_BLOCKED), with applications left out. The latest submission of an OCMW
-- replaces its earlier decisions as it replaces its designations (submission.superseded_by).
create table staged_review (
    load_file_id bigint not null references load_file (id) on delete cascade,
    source_row   int    not null,
    domain       text   not null,
    username     text   not null,
    decision     text   not null check (decision in ('KEEP', 'BLOCK', 'COPY', 'DO_NOT_COPY', 'COPY_BLOCKED')),
    applications text[] not null default '{}',
    remark       text,
    primary key (load_file_id, source_row)
);

create table submission_review (
    submission_id bigint not null references submission (id),
    source_row    int    not null,
    domain        text   not null,
    username      text   not null,
    decision      text   not null check (decision in ('KEEP', 'BLOCK', 'COPY', 'DO_NOT_COPY', 'COPY_BLOCKED')),
    applications  text[] not null default '{}',
    remark        text,
    primary key (submission_id, source_row)
);
