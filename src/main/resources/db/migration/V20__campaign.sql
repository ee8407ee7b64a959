-- The campaign (SPEC 4.6): each OCMW's pre-filled workbook mailed to it, reminders before the deadline, and the
-- coordinators told the day after it who is missing or late. Mails keep going through the outbox, which now carries
-- an attachment and a Reply-To.
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('DRIFT_DIGEST', 'NIGHT_FAILED', 'CAMPAIGN_WORKBOOK', 'CAMPAIGN_REMINDER', 'CAMPAIGN_ESCALATION'));
alter table mail_outbox add column reply_to text;
alter table mail_outbox add column attachment_name text;
alter table mail_outbox add column attachment bytea;

-- Every mail of a campaign: which OCMW (null: the escalation to the merger's notify list), what it was (the workbook,
-- a reminder so many days before the deadline, the escalation), to whom, by whom, when, and the outbox mail that
-- carries it.
create table campaign_mail (
    id         bigserial primary key,
    merger_id  text        not null,
    kbo        text,
    kind       text        not null check (kind in ('WORKBOOK', 'REMINDER', 'ESCALATION')),
    days       int,
    recipient  text        not null,
    sent_by    text        not null,
    run_id     bigint references run (id),
    mail_id    bigint      not null unique references mail_outbox (id),
    persons    int         not null default 0,
    at         timestamptz not null default clock_timestamp()
);
create index campaign_mail_merger on campaign_mail (merger_id, kbo);
