-- A coordinator's approval of a plan, by its fingerprint (SPEC 5): who, when, why; and when it was taken back, by
-- whom and why. At most one approval of a merger is in force (withdrawn_at null); approving another plan of the
-- merger withdraws the one before it, recorded as such. Rows are never deleted: they are the approval history.
create table approval (
    id               bigserial primary key,
    merger_id        text        not null,
    plan_id          bigint      not null references plan (id),
    fingerprint      text        not null,
    approved_by      text        not null,
    approved_at      timestamptz not null default now(),
    comment          text,
    run_id           bigint references run (id),
    withdrawn_by     text,
    withdrawn_at     timestamptz,
    withdraw_comment text
);
create unique index approval_in_force on approval (merger_id) where withdrawn_at is null;
create index approval_merger on approval (merger_id, id);

-- Who executed an apply, and the approval it executed; four_eyes_waived: the approver applied it, which a test
-- environment's setting allowed (the apply's reports say so).
alter table plan add column applied_by text;
alter table plan add column approval_id bigint references approval (id);
alter table plan add column four_eyes_waived boolean not null default false;

-- Who a command or dashboard action ran for (--by, the dashboard user, or the OS user), as the history shows it.
alter table run add column actor text;

-- The language a set of reports is written in, for the history of a merger's runs.
alter table report add column language text;
