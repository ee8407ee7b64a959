-- An approved plan scheduled for a moment (SPEC 5.8): serve runs it once at that time on one node of the cluster,
-- checking the approval, the fingerprint and four eyes again then, and mails the outcome. Cancellable until it runs.
create table apply_schedule (
    id           bigserial primary key,
    merger_id    text        not null,
    approval_id  bigint      not null references approval (id),
    fingerprint  text        not null,
    at           timestamptz not null,
    scheduled_by text        not null,
    run_id       bigint references run (id),
    status       text        not null default 'SCHEDULED'
        check (status in ('SCHEDULED', 'RUNNING', 'DONE', 'REFUSED', 'FAILED', 'CANCELLED')),
    cancelled_by text,
    fired_at     timestamptz,
    late         boolean     not null default false,
    outcome      text,
    apply_run    bigint references run (id)
);
-- at most one schedule waiting per merger
create unique index apply_schedule_waiting on apply_schedule (merger_id) where status in ('SCHEDULED', 'RUNNING');

alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('DRIFT_DIGEST', 'NIGHT_FAILED', 'CAMPAIGN_WORKBOOK', 'CAMPAIGN_REMINDER', 'CAMPAIGN_ESCALATION',
                    'SCHEDULED_APPLY'));
