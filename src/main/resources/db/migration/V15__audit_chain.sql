-- The audit trail proves itself, and every consultation of personal data in full is logged (docs/decisions/audit-chain.md).
--
-- Each transaction's rows of a chained table (audit, consultation) are a segment: every row carries its segment (the
-- transaction id), its place in it, the hash of the row before it in the segment and a hash over its own content and
-- that previous hash, set by a BEFORE INSERT trigger in the same transaction as the change. At commit a deferred
-- trigger seals the segment into the table's one global chain (chain_seal: the segment, its row count and last hash,
-- hashed with the seal before it). Writers of different transactions never wait for each other while they insert;
-- only the seal, a single row at commit, is taken one transaction at a time. The row hash covers digests of the
-- personal before/after copies, not their text, so that a purge may pseudonymise them and the chain still verifies.

create table chain_head (
    chain text primary key,
    seals bigint not null default 0,
    hash  bytea  not null
);
insert into chain_head (chain, hash)
values ('audit', sha256(convert_to('ocmw-merge audit', 'UTF8'))),
       ('consultation', sha256(convert_to('ocmw-merge consultation', 'UTF8')));

create table chain_seal (
    chain     text        not null references chain_head (chain),
    position  bigint      not null,
    segment   bigint      not null,
    rows      bigint      not null,
    last_hash bytea       not null,
    prev_hash bytea       not null,
    hash      bytea       not null,
    sealed_at timestamptz not null default now(),
    primary key (chain, position),
    unique (chain, segment)
);

-- Who saw personal data in full, when, what, about how many persons, and why (the MAGDA audit register's fields).
create table consultation (
    id            bigserial primary key,
    at            timestamptz not null default now(),
    actor         text        not null,
    channel       text        not null check (channel in ('COMMAND_LINE', 'DASHBOARD')),
    what          text        not null,
    merger_id     text,
    file          text,
    persons       bigint      not null check (persons >= 0),
    reason        text        not null check (length(btrim(reason)) > 0),
    run_id        bigint references run (id),
    segment       bigint,
    segment_seq   integer,
    prev_hash     bytea,
    hash          bytea
);
create index consultation_at on consultation (at);

alter table audit
    add column segment       bigint,
    add column segment_seq   integer,
    add column before_digest bytea,
    add column after_digest  bytea,
    add column prev_hash     bytea,
    add column hash          bytea,
    -- the run of audit purge-personal-data that pseudonymised this row's before/after (their digests are the originals')
    add column purged_by_run bigint references run (id);
create index audit_segment on audit (segment, segment_seq);

create function chain_genesis(chain text, segment bigint) returns bytea
    immutable language sql as
$$ select sha256(convert_to(chain || ':' || segment, 'UTF8')) $$;

create function json_digest(value jsonb) returns bytea
    immutable language sql as
$$ select case when value is null then null else sha256(convert_to(value::text, 'UTF8')) end $$;

-- The canonical form of an audit row: a JSON array (unambiguous, one text for one content), its time in microseconds
-- since the epoch (not a text that depends on the session's time zone).
create function audit_row_hash(prev bytea, segment bigint, seq integer, id bigint, run_id bigint, at timestamptz,
                               table_name text, row_key text, action text, before_digest bytea, after_digest bytea)
    returns bytea immutable language sql as
$$ select sha256(prev || convert_to(jsonb_build_array(segment, seq, id, run_id,
                                                      (extract(epoch from at) * 1000000)::bigint, table_name, row_key,
                                                      action, encode(before_digest, 'hex'),
                                                      encode(after_digest, 'hex'))::text, 'UTF8')) $$;

create function consultation_row_hash(prev bytea, segment bigint, seq integer, id bigint, at timestamptz, actor text,
                                      channel text, what text, merger_id text, file text, persons bigint, reason text,
                                      run_id bigint)
    returns bytea immutable language sql as
$$ select sha256(prev || convert_to(jsonb_build_array(segment, seq, id, (extract(epoch from at) * 1000000)::bigint,
                                                      actor, channel, what, merger_id, file, persons, reason,
                                                      run_id)::text, 'UTF8')) $$;


create function audit_link() returns trigger language plpgsql as
$$
declare
    state text := current_setting('ocmw.chain.audit', true);
    prev  bytea;
begin
    if state is null or state = '' then
        new.segment := pg_current_xact_id()::text::bigint;
        new.segment_seq := 1;
        prev := chain_genesis('audit', new.segment);
    else
        new.segment := split_part(state, ':', 1)::bigint;
        new.segment_seq := split_part(state, ':', 2)::integer + 1;
        prev := decode(split_part(state, ':', 3), 'hex');
    end if;
    new.before_digest := json_digest(new.before);
    new.after_digest := json_digest(new.after);
    new.prev_hash := prev;
    new.hash := audit_row_hash(prev, new.segment, new.segment_seq, new.id, new.run_id, new.at, new.table_name,
                               new.row_key, new.action, new.before_digest, new.after_digest);
    new.purged_by_run := null;
    perform set_config('ocmw.chain.audit', new.segment || ':' || new.segment_seq || ':' || encode(new.hash, 'hex'), true);
    return new;
end
$$;

create function consultation_link() returns trigger language plpgsql as
$$
declare
    state text := current_setting('ocmw.chain.consultation', true);
    prev  bytea;
begin
    if state is null or state = '' then
        new.segment := pg_current_xact_id()::text::bigint;
        new.segment_seq := 1;
        prev := chain_genesis('consultation', new.segment);
    else
        new.segment := split_part(state, ':', 1)::bigint;
        new.segment_seq := split_part(state, ':', 2)::integer + 1;
        prev := decode(split_part(state, ':', 3), 'hex');
    end if;
    new.prev_hash := prev;
    new.hash := consultation_row_hash(prev, new.segment, new.segment_seq, new.id, new.at, new.actor, new.channel,
                                      new.what, new.merger_id, new.file, new.persons, new.reason, new.run_id);
    perform set_config('ocmw.chain.consultation',
                       new.segment || ':' || new.segment_seq || ':' || encode(new.hash, 'hex'), true);
    return new;
end
$$;

-- At commit, once per transaction and chain (the deferred trigger is queued only for a segment's first row).
create function chain_seal() returns trigger language plpgsql as
$$
declare
    state    text := current_setting('ocmw.chain.' || tg_table_name, true);
    segment  bigint := split_part(state, ':', 1)::bigint;
    rows     bigint := split_part(state, ':', 2)::bigint;
    last     bytea := decode(split_part(state, ':', 3), 'hex');
    head     chain_head%rowtype;
    sealed   bytea;
begin
    select * into head from chain_head where chain = tg_table_name for update;
    sealed := sha256(head.hash || convert_to(jsonb_build_array(tg_table_name, head.seals + 1, segment, rows,
                                                               encode(last, 'hex'))::text, 'UTF8'));
    insert into chain_seal (chain, position, segment, rows, last_hash, prev_hash, hash)
    values (tg_table_name, head.seals + 1, segment, rows, last, head.hash, sealed);
    update chain_head set seals = head.seals + 1, hash = sealed where chain = tg_table_name;
    return null;
end
$$;

-- The rows from before the chain: one segment (0) in the order they were written, sealed as the chain's first seal.
do
$$
declare
    r    record;
    prev bytea := chain_genesis('audit', 0);
    seq  integer := 0;
    h    bytea;
    head bytea;
begin
    for r in select * from audit order by id loop
        seq := seq + 1;
        h := audit_row_hash(prev, 0, seq, r.id, r.run_id, r.at, r.table_name, r.row_key, r.action,
                            json_digest(r.before), json_digest(r.after));
        update audit set segment = 0, segment_seq = seq, before_digest = json_digest(r.before),
                         after_digest = json_digest(r.after), prev_hash = prev, hash = h
        where id = r.id;
        prev := h;
    end loop;
    if seq > 0 then
        select hash into head from chain_head where chain = 'audit';
        insert into chain_seal (chain, position, segment, rows, last_hash, prev_hash, hash)
        values ('audit', 1, 0, seq, prev, head,
                sha256(head || convert_to(jsonb_build_array('audit', 1, 0, seq, encode(prev, 'hex'))::text, 'UTF8')));
        update chain_head set seals = 1,
                              hash = sha256(head || convert_to(jsonb_build_array('audit', 1, 0, seq, encode(prev, 'hex'))::text, 'UTF8'))
        where chain = 'audit';
    end if;
end
$$;

create trigger audit_link before insert on audit for each row execute function audit_link();
create constraint trigger audit_seal after insert on audit deferrable initially deferred
    for each row when (new.segment_seq = 1) execute function chain_seal();
create trigger consultation_link before insert on consultation for each row execute function consultation_link();
create constraint trigger consultation_seal after insert on consultation deferrable initially deferred
    for each row when (new.segment_seq = 1) execute function chain_seal();

-- How many persons a report with full INSZ names: what a download of it discloses (the consultation it is).
alter table report add column persons bigint;

-- Each verification of the chains (audit verify, and serve every night): what the dashboard shows as the latest.
create table chain_check (
    id                bigserial primary key,
    at                timestamptz not null default now(),
    intact            boolean     not null,
    audit_rows        bigint      not null,
    consultations     bigint      not null,
    seals             bigint      not null,
    problems          integer     not null,
    -- the first problem in words for every language (as run.outcome_words), null when intact
    first_problem     jsonb,
    audit_head        text        not null,
    consultation_head text        not null,
    run_id            bigint references run (id)
);

-- What a purge leaves of a JSON copy of a person: everything but the keys that name them, at any depth.
create function jsonb_without_personal(value jsonb) returns jsonb
    immutable language sql as
$$
select case jsonb_typeof(value)
           when 'object' then (select coalesce(jsonb_object_agg(key, jsonb_without_personal(v)), '{}'::jsonb)
                               from jsonb_each(value) as e(key, v)
                               where key not in ('insz', 'last_name', 'first_name', 'email', 'phone'))
           when 'array' then (select coalesce(jsonb_agg(jsonb_without_personal(v) order by n), '[]'::jsonb)
                              from jsonb_array_elements(value) with ordinality as e(v, n))
           else value end
$$;

-- A national number in any of the ways a text may hold one (85073003328, 85.07.30-033.28, 850730 033 28): what a purge
-- masks in texts.
create function without_insz(value text) returns text
    immutable language sql as
$$ select regexp_replace(value, '[0-9]{2}[. ]?[0-9]{2}[. ]?[0-9]{2}[- ]?[0-9]{3}[. ]?[0-9]{2}', '(purged)', 'g') $$;
