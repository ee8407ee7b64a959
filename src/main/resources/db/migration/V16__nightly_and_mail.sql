-- scheduling: every attempt at a night's reconciliation, so that a failed night is retried once and then reported
create table nightly_attempt (
    id       bigserial primary key,
    night    date        not null,
    attempt  integer     not null check (attempt >= 1),
    status   text        not null check (status in ('COMPLETED', 'FAILED')),
    run_id   bigint      references run (id),
    error    text,
    at       timestamptz not null default clock_timestamp(),
    unique (night, attempt)
);

-- notify: every mail ocmw-merge means to send, kept until sent and after: a failure to send is retried, never lost
create table mail_outbox (
    id              bigserial primary key,
    kind            text        not null check (kind in ('DRIFT_DIGEST', 'NIGHT_FAILED')),
    -- one mail per purpose: the digest of one merger after one run, the failure of one night
    purpose         text        not null unique,
    merger_id       text,
    language        text        not null check (language in ('nl', 'fr', 'en')),
    recipients      text[]      not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'FAILED', 'SENT')),
    attempts        integer     not null default 0,
    last_error      text,
    created_at      timestamptz not null default clock_timestamp(),
    last_attempt_at timestamptz,
    sent_at         timestamptz
);
create index mail_outbox_unsent on mail_outbox (status) where status <> 'SENT';

-- notify: which reconciliation run each merger's latest digest compared with, so that only what is new is told
create table drift_digest (
    id         bigserial primary key,
    merger_id  text        not null,
    run_id     bigint      not null references run (id),
    new_drift  integer     not null,
    open_drift integer     not null,
    mail_id    bigint      references mail_outbox (id),
    at         timestamptz not null default clock_timestamp(),
    unique (merger_id, run_id)
);
