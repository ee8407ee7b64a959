-- Who acts is an identity (SPEC 10): beside the name an act was done for (--by, or the dashboard user), the account it
-- was authenticated as, in its stored form (be.ocmw.merge.domain.Account.key: os:jdoe, users:an, oidc:an.peeters).
-- Null in rows from before this migration: those acts are known by their names only.
alter table run add column account text;
alter table approval add column approved_account text, add column withdrawn_account text;
alter table plan add column applied_account text;
alter table apply_schedule add column scheduled_account text, add column cancelled_account text;
alter table task_check add column account text;
alter table consultation add column account text;

-- A consultation's row hash covers its account too. Rows without one (from before) keep the form they were hashed in,
-- so that the chain of every row ever written still verifies.
create function consultation_row_hash(prev bytea, segment bigint, seq integer, id bigint, at timestamptz, actor text,
                                      channel text, what text, merger_id text, file text, persons bigint, reason text,
                                      run_id bigint, account text)
    returns bytea immutable language sql as
$$ select case when account is null
               then consultation_row_hash(prev, segment, seq, id, at, actor, channel, what, merger_id, file, persons,
                                          reason, run_id)
               else sha256(prev || convert_to(jsonb_build_array(segment, seq, id,
                                                                (extract(epoch from at) * 1000000)::bigint, actor,
                                                                channel, what, merger_id, file, persons, reason, run_id,
                                                                account)::text, 'UTF8')) end $$;

create or replace function consultation_link() returns trigger language plpgsql as
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
                                      new.what, new.merger_id, new.file, new.persons, new.reason, new.run_id,
                                      new.account);
    perform set_config('ocmw.chain.consultation',
                       new.segment || ':' || new.segment_seq || ':' || encode(new.hash, 'hex'), true);
    return new;
end
$$;
